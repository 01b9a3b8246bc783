/**
 * `npm run bench:scorecard [-- --sheets 20000 --port 3145 --only pglite|postgres]`: builds a province-scale year
 * (default 2,000 sheets, ~12.5 indicators each, 12 months of entries) in a temporary database, computes the figures,
 * then times the scorecard's server paths and prints p50/p95 — on embedded PGlite, and on PostgreSQL too when
 * DATABASE_URL is set (a throwaway database on that server, dropped afterwards). A script rather than a timed test: a
 * slow machine reports a figure instead of failing.
 *
 * Timed paths: the scorecard data (getScorecard) as the department's manager, unfiltered and filtered + grouped;
 * a sheet view's data (getSheetMonitor) of a random sheet; one sheet's figures refresh inside a write transaction;
 * the first scorecard read in each month of the year (the clock moved on: nothing is recomputed, the figures hold
 * every month); and the whole 绩效看板 page over HTTP from the real server (`next start`, the manager signed in,
 * rendering included), as a browser asks for it.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Actor } from "@/lib/auth/actor";
import { beijingDayStart } from "@/lib/beijing-time";
import { commandLine } from "@/lib/cli/args";
import type { DbTarget } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";
import { type Database, openDatabase } from "@/lib/db/open";
import { refreshAllFigures, refreshSheetFigures } from "@/lib/figures/refresh-sheet-figures";
import { getScorecard } from "@/lib/scorecard/get-scorecard";
import { getSheetMonitor } from "@/lib/scorecard/get-sheet-monitor";
import { PAGE_SIZE, parseScorecardQuery } from "@/lib/scorecard/query";
import { createCliEnvironment } from "@/lib/testing/database";
import { hashPassword } from "@/lib/users/password";
import { percentile } from "./percentiles";
import { buildDataset, PROVINCE } from "./scorecard-dataset";
import { signInOverHttp } from "./writes-http";
import { ensureBuild, startServer } from "./writes-server";

const USAGE = "npm run bench:scorecard -- [--sheets 2000] [--port 3145] [--only pglite|postgres]";
const { values } = commandLine(USAGE, {
  sheets: { type: "string", default: String(PROVINCE.sheets) },
  port: { type: "string", default: process.env.PORT ?? "3145" },
  only: { type: "string" },
});
const SHEETS = Number(values.sheets);
/** About 40 sheets a unit, as the province's 2,000 sheets in 50 units. */
const DATASET = { ...PROVINCE, sheets: SHEETS, units: Math.max(PROVINCE.units, Math.round(SHEETS / 40)) };
const PASSWORD = "Bench@2026scorecard";
const SECRET = "bench-scorecard-session-secret-0123456789abcdef";
const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const ROOT = process.cwd();

interface Result {
  label: string;
  p50: number;
  p95: number;
  max: number;
}

async function time(label: string, fn: (i: number) => Promise<unknown>, runs = RUNS, warmup = WARMUP): Promise<Result> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  const result = { label, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: percentile(samples, 1) };
  // As each is measured: a later step that fails loses none of them.
  console.log(`  ${label}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`);
  return result;
}

async function benchEngine(engine: "PGlite" | "PostgreSQL"): Promise<void> {
  const saved = process.env.DATABASE_URL;
  if (engine === "PGlite") delete process.env.DATABASE_URL;
  const environment = await createCliEnvironment();
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  const target: DbTarget = environment.env.DATABASE_URL
    ? { engine: "postgres", url: environment.env.DATABASE_URL }
    : { engine: "pglite", dataDir: environment.env.DATA_DIR! };
  let db: Database | null = null;
  try {
    db = await openDatabase(target);
    await migrate(db.sql);
    const prisma = db.prisma;
    let start = performance.now();
    const users = await buildDataset(db.sql, DATASET);
    const counts = await db.sql.query<{ sheets: string; indicators: string; entries: string }>(
      `SELECT (SELECT count(*) FROM "target_sheet")::text AS sheets, (SELECT count(*) FROM "indicator")::text AS indicators,
              (SELECT count(*) FROM "progress_entry")::text AS entries`,
    );
    const built = performance.now() - start;
    start = performance.now();
    await refreshAllFigures(prisma);
    const computed = performance.now() - start;
    // What autovacuum does after such a bulk load, done now so every run reads the same: the planner's statistics,
    // and the visibility map the scorecard's index-only scans rely on.
    await db.sql.exec("VACUUM ANALYZE");
    const c = counts[0]!;
    console.log(`\n## ${engine}`);
    console.log(`dataset: ${c.sheets} sheets, ${c.indicators} indicators, ${c.entries} progress entries — built in ${(built / 1000).toFixed(1)} s`);
    console.log(`figures of every sheet and month computed from scratch in ${(computed / 1000).toFixed(2)} s (once, after the bulk load)`);

    const department = await prisma.department.findFirstOrThrow({ select: { id: true } });
    const manager: Actor = { kind: "user", id: users.managerId, role: "MANAGER", departmentId: department.id, displayName: "基准管理者" };
    const units = await prisma.budgetUnit.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const sheetIds = (await prisma.targetSheet.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
    const plain = parseScorecardQuery({});
    const filtered = (i: number) => parseScorecardQuery({ unit: String(units[i % units.length]!.id), light: "red", group: "unit", sort: "projected" });
    const pick = (i: number) => sheetIds[(i * 7919) % sheetIds.length]!;

    const results: Result[] = [];
    results.push(await time(`scorecard data (${c.sheets} sheets, first page of ${PAGE_SIZE})`, () => getScorecard(prisma, manager, plain)));
    results.push(await time("scorecard data (unit + red filter, grouped by unit)", (i) => getScorecard(prisma, manager, filtered(i))));
    results.push(await time("sheet view data", (i) => getSheetMonitor(prisma, manager, pick(i))));
    results.push(await time("refresh one sheet's figures (in a write transaction)", (i) => prisma.$transaction((tx) => refreshSheetFigures(tx, pick(i)))));
    // The clock moves on to each month of the year in turn; each first read of a new month is timed (no warm-up).
    const monthStarts = Array.from({ length: 12 }, (_, k) => beijingDayStart(`${DATASET.year}-${String(k + 1).padStart(2, "0")}-01`, 1));
    results.push(await time("first scorecard read in each new month (12)", (i) => getScorecard(prisma, manager, plain, { now: monthStarts[i]! }), 12, 0));

    await prisma.user.update({ where: { id: users.managerId }, data: { passwordHash: await hashPassword(PASSWORD) } });
    if (target.engine === "pglite") {
      await db.close(); // the embedded database admits one process: the server's
      db = null;
    }
    ensureBuild(ROOT); // here, not first: a build running meanwhile (a rebuild after a change) has time to finish
    // A shared session secret, as the server requires one on PostgreSQL (several instances may share the database).
    const server = await startServer(ROOT, Number(values.port), { ...environment.env, NEXTAUTH_SECRET: SECRET });
    try {
      const cookie = await signInOverHttp(server.base, "bench-manager", PASSWORD);
      const page = async (path: string) => {
        const answer = await fetch(`${server.base}${path}`, { headers: { Cookie: cookie } });
        const html = await answer.text();
        if (!answer.ok || !html.includes("绩效看板")) throw new Error(`GET ${path}: HTTP ${answer.status}`);
      };
      results.push(await time("whole 绩效看板 page over HTTP (next start, rendered)", () => page("/scorecard"), 30));
      results.push(
        await time("whole page, unit + red filter, grouped by unit", (i) => page(`/scorecard?unit=${units[i % units.length]!.id}&light=red&group=unit`), 30),
      );
    } finally {
      await server.stop();
    }

    const width = Math.max(...results.map((r) => r.label.length));
    console.log(
      `${"path".padEnd(width)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}  ${"max ms".padStart(8)}   (${RUNS} runs after ${WARMUP} warm-up, unless said)`,
    );
    for (const r of results)
      console.log(`${r.label.padEnd(width)}  ${r.p50.toFixed(1).padStart(8)}  ${r.p95.toFixed(1).padStart(8)}  ${r.max.toFixed(1).padStart(8)}`);
  } finally {
    await db?.close();
    await environment.cleanup();
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
console.log(`bench:scorecard — ${os.cpus().length} × ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${load()}`);
if (values.only !== "postgres") await benchEngine("PGlite");
if (values.only !== "pglite" && process.env.DATABASE_URL?.trim()) await benchEngine("PostgreSQL");
else if (values.only !== "pglite") console.log("\n(PostgreSQL skipped: set DATABASE_URL to a server where a throwaway database may be created)");
console.log(`\nload average at the end: ${load()}`);
