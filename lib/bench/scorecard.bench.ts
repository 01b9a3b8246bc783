/**
 * `npm run bench:scorecard`: builds a province-scale year (2,000 sheets, ~25,000 indicators, 12 months of entries)
 * in a temporary database, computes the figures, then times the scorecard's server paths and prints p50/p95 —
 * on embedded PGlite, and on PostgreSQL too when DATABASE_URL is set (a throwaway database on that server, dropped
 * afterwards). A script rather than a timed test: a slow machine reports a figure instead of failing.
 *
 * Timed paths: the scorecard data (getScorecard) as the department's manager, unfiltered and filtered + grouped;
 * a sheet view's data (getSheetMonitor) of a random sheet; one sheet's figures refresh inside a write transaction;
 * and, once, the refresh of a whole year (what the first read after a change of month costs). The server paths of
 * lib/ only: a benchmark of lib/ renders no components (lib/ never imports components/, docs/architecture.md).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "@/lib/testing/database";
import { buildDataset, PROVINCE } from "./scorecard-dataset";
import { getScorecard } from "@/lib/scorecard/get-scorecard";
import { getSheetMonitor } from "@/lib/scorecard/get-sheet-monitor";
import { PAGE_SIZE, parseScorecardQuery } from "@/lib/scorecard/query";
import { refreshAllFigures, refreshFigures, refreshSheetFigures } from "@/lib/figures/refresh-sheet-figures";

const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

interface Result {
  label: string;
  p50: number;
  p95: number;
}

async function time(label: string, fn: (i: number) => Promise<unknown>): Promise<Result> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { label, p50: at(0.5), p95: at(0.95) };
}

async function benchEngine(engine: "PGlite" | "PostgreSQL"): Promise<void> {
  const saved = process.env.DATABASE_URL;
  if (engine === "PGlite") delete process.env.DATABASE_URL;
  let db: Database | null = null;
  try {
    db = await createTestDatabase();
    const prisma = db.prisma;
    let start = performance.now();
    const users = await buildDataset(db.sql, PROVINCE);
    const counts = await db.sql.query<{ sheets: string; indicators: string; entries: string }>(
      `SELECT (SELECT count(*) FROM "target_sheet")::text AS sheets, (SELECT count(*) FROM "indicator")::text AS indicators,
              (SELECT count(*) FROM "progress_entry")::text AS entries`,
    );
    const built = performance.now() - start;
    start = performance.now();
    await refreshAllFigures(prisma);
    const computed = performance.now() - start;
    const c = counts[0]!;
    console.log(`\n## ${engine}`);
    console.log(`dataset: ${c.sheets} sheets, ${c.indicators} indicators, ${c.entries} progress entries — built in ${(built / 1000).toFixed(1)} s`);
    console.log(`figures of every sheet computed from scratch in ${(computed / 1000).toFixed(2)} s`);

    const department = await prisma.department.findFirstOrThrow({ select: { id: true } });
    const manager: Actor = { kind: "user", id: users.managerId, role: "MANAGER", departmentId: department.id, displayName: "基准管理者" };
    const units = await prisma.budgetUnit.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const sheetIds = (await prisma.targetSheet.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
    const plain = parseScorecardQuery({});
    const filtered = (i: number) => parseScorecardQuery({ unit: String(units[i % units.length]!.id), light: "red", group: "unit", sort: "projected" });
    const pick = (i: number) => sheetIds[(i * 7919) % sheetIds.length]!;

    const results: Result[] = [];
    results.push(await time(`scorecard data (2,000 sheets, first page of ${PAGE_SIZE})`, () => getScorecard(prisma, manager, plain)));
    results.push(await time("scorecard data (unit + red filter, grouped by unit)", (i) => getScorecard(prisma, manager, filtered(i))));
    results.push(await time("sheet view data", (i) => getSheetMonitor(prisma, manager, pick(i))));
    results.push(await time("refresh one sheet's figures (in a write transaction)", (i) => prisma.$transaction((tx) => refreshSheetFigures(tx, pick(i)))));

    start = performance.now();
    await refreshFigures(prisma, sheetIds);
    const yearRefresh = performance.now() - start;

    const width = Math.max(...results.map((r) => r.label.length));
    console.log(`${"path".padEnd(width)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}   (${RUNS} runs after ${WARMUP} warm-up)`);
    for (const r of results) console.log(`${r.label.padEnd(width)}  ${r.p50.toFixed(1).padStart(8)}  ${r.p95.toFixed(1).padStart(8)}`);
    console.log(`refresh of the whole year (first read after the month changes): ${yearRefresh.toFixed(0)} ms`);
  } finally {
    await db?.close();
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`bench:scorecard — ${os.cpus().length} × ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}`);
await benchEngine("PGlite");
if (process.env.DATABASE_URL?.trim()) await benchEngine("PostgreSQL");
else console.log("\n(PostgreSQL skipped: set DATABASE_URL to a server where a throwaway database may be created)");
