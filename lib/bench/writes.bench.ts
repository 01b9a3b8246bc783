/**
 * `npm run bench:writes [-- --sheets 2000 --leads 100 --port 3145 --saves 8 --rounds 1,10,50]`: how many progress
 * saves a second the real server takes, and how long each waits, with N = 1, 10, 50 leads saving at once.
 *
 * For each engine — embedded PGlite, and PostgreSQL when DATABASE_URL is set (a throwaway database on that server,
 * dropped afterwards) — it
 * 1. builds the scorecard bench's province-scale year (writes-dataset.ts) and gives its leads a password,
 * 2. serves it with `next start` (the production build, reused when current; writes-server.ts),
 * 3. signs the leads in through next-auth and has N of them save different sheet-months at once through the very
 *    request the progress page's 保存 sends: the `saveProgressAction` server action over HTTP (writes-http.ts),
 *    each save with the versions the previous answer returned, as the page does (writes-workload.ts),
 * 4. stops the server and runs the same saves in this process by calling the use case (saveProgress) directly —
 *    the transaction with its audit and figures, without HTTP, session or Next.js — at the same N,
 * 5. breaks one save down (writes-breakdown.ts).
 * Prints saves/s, p50/p95/max per N, both ways. A script rather than a timed test: a slow machine reports a figure.
 */
import os from "node:os";
import { commandLine } from "@/lib/cli/args";
import type { DbTarget } from "@/lib/db/config";
import { type Database, openDatabase } from "@/lib/db/open";
import { migrate } from "@/lib/db/migrate";
import type { ActionResult } from "@/lib/action-result";
import type { ProgressView } from "@/lib/progress/progress-view";
import { saveProgress } from "@/lib/progress/save-progress";
import { userActor } from "@/lib/auth/actor";
import { createCliEnvironment } from "@/lib/testing/database";
import { measureBreakdown } from "./writes-breakdown";
import { BENCH_PASSWORD, type BenchLead, prepareWritesDataset } from "./writes-dataset";
import { callServerAction, serverActionId, signInOverHttp } from "./writes-http";
import { type RoundResult, runRound } from "./writes-rounds";
import { ensureBuild, startServer } from "./writes-server";
import { cpuCost } from "./cpu-time";
import { rememberVersions, saveInput } from "./writes-workload";

const USAGE = "npm run bench:writes -- [--sheets 2000] [--leads 100] [--port 3145] [--saves 8] [--rounds 1,10,50] [--only pglite|postgres]";
const { values } = commandLine(USAGE, {
  sheets: { type: "string", default: "2000" },
  leads: { type: "string", default: "100" },
  port: { type: "string", default: process.env.PORT ?? "3145" },
  saves: { type: "string", default: "8" },
  rounds: { type: "string", default: "1,10,50" },
  /** Only this engine: `pglite` or `postgres` (default: PGlite, then PostgreSQL when DATABASE_URL is set). */
  only: { type: "string" },
});
const SHEETS = Number(values.sheets);
const LEADS = Number(values.leads);
const PORT = Number(values.port);
/** Saves per worker and round (at least 60 a round). */
const SAVES_PER_WORKER = Number(values.saves);
const ROUNDS = values.rounds.split(",").map(Number);
const ROOT = process.cwd();
const SECRET = "bench-writes-session-secret-0123456789abcdef";
const ACTION_FILE = "app/(app)/sheets/[id]/progress/actions.ts";

type Outcome = ActionResult<{ state: ProgressView; warnings: string[] }>;

const roundTotal = (n: number) => Math.max(60, n * SAVES_PER_WORKER);

async function signInAll(base: string, leads: BenchLead[]): Promise<Map<number, string>> {
  const cookies = new Map<number, string>();
  // Two at a time: the password check (argon2id) is slow on purpose.
  for (let i = 0; i < leads.length; i += 2) {
    await Promise.all(leads.slice(i, i + 2).map(async (l) => cookies.set(l.userId, await signInOverHttp(base, l.username, BENCH_PASSWORD))));
  }
  return cookies;
}

function printRounds(title: string, rounds: RoundResult[]): void {
  console.log(`\n${title}`);
  console.log(
    `${"N".padStart(4)}  ${"saves".padStart(6)}  ${"saves/s".padStart(8)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}  ${"max ms".padStart(8)}  failed`,
  );
  for (const r of rounds) {
    console.log(
      `${String(r.concurrency).padStart(4)}  ${String(r.saves).padStart(6)}  ${r.perSecond.toFixed(1).padStart(8)}  ${r.p50.toFixed(1).padStart(8)}  ${r.p95.toFixed(1).padStart(8)}  ${r.max.toFixed(0).padStart(8)}  ${r.failed}${r.firstFailure ? ` (${r.firstFailure})` : ""}`,
    );
  }
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
    console.log(`\n## ${engine}`);
    db = await openDatabase(target);
    await migrate(db.sql);
    const started = performance.now();
    const dataset = await prepareWritesDataset(db, { sheets: SHEETS, units: 50, year: 2025, months: 12, leads: LEADS });
    const { counts, versions } = dataset;
    console.log(
      `dataset: ${counts.sheets} sheets, ${counts.indicators} indicators, ${counts.entries} progress entries, ${dataset.leads.length} leads signed in — built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (target.engine === "pglite") {
      await db.close(); // the embedded database admits one process: the server's
      db = null;
    }

    const server = await startServer(ROOT, PORT, { ...environment.env, NEXTAUTH_SECRET: SECRET });
    const http: RoundResult[] = [];
    let cookies: Map<number, string>;
    const counters = new Map<number, number>();
    try {
      cookies = await signInAll(server.base, dataset.leads);
      const actionId = serverActionId(ROOT, ACTION_FILE, "saveProgressAction");
      let bytes = 0;
      const overHttp = async (lead: BenchLead, k: number): Promise<string | null> => {
        const input = saveInput(lead, k, versions);
        const answer = await callServerAction<Outcome>(server.base, {
          actionId,
          pagePath: `/sheets/${input.sheetId}/progress?month=${input.month}`,
          cookie: cookies.get(lead.userId)!,
          args: [input],
        });
        bytes = answer.bytes;
        if (!answer.result.ok) return `${answer.result.code} ${answer.result.message}`;
        rememberVersions(versions, input.sheetId, input.month, answer.result.data.state);
        return null;
      };
      for (const n of ROUNDS) {
        http.push(await runRound(n, roundTotal(n), dataset.leads, overHttp, counters));
        printRounds(`over HTTP (next start, signed in, the saveProgressAction server action; answer ≈ ${(bytes / 1024).toFixed(1)} KiB)`, http.slice(-1));
      }
    } finally {
      await server.stop();
    }

    db ??= await openDatabase(target);
    const prisma = db.prisma;
    const actors = new Map(
      (await prisma.user.findMany({ where: { id: { in: dataset.leads.map((l) => l.userId) } } })).map((u) => [u.id, userActor(u)] as const),
    );
    const direct = async (lead: BenchLead, k: number): Promise<string | null> => {
      const input = saveInput(lead, k, versions);
      try {
        const result = await saveProgress(prisma, actors.get(lead.userId)!, input);
        rememberVersions(versions, input.sheetId, input.month, result.view);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    const inProcess: RoundResult[] = [];
    for (const n of ROUNDS) inProcess.push(await runRound(n, roundTotal(n), dataset.leads, direct, counters));
    printRounds("the use case alone, in this process (saveProgress: transaction, audit, figures; no HTTP, no session)", inProcess);

    // What a save costs in CPU, whoever spends it (the bound on saves/s of a machine with os.cpus().length cores):
    // 60 more saves one after another, the code warm.
    const SEQUENTIAL = 60;
    const cost = await cpuCost(() => runRound(1, SEQUENTIAL, dataset.leads, direct, counters));
    const others = cost.machine === null ? "" : `, the rest of the machine (the database) ${((cost.machine - cost.process) / SEQUENTIAL).toFixed(1)} ms`;
    const inside = engine === "PGlite" ? " (PGlite runs inside this process)" : "";
    console.log(`CPU per save, ${SEQUENTIAL} in a row in this process: this process ${(cost.process / SEQUENTIAL).toFixed(1)} ms${others}${inside}`);

    const lead = dataset.leads[0]!;
    const b = await measureBreakdown(prisma, { lead, cookie: cookies.get(lead.userId)!, secret: SECRET, versions, counters });
    const httpOne = http.find((r) => r.concurrency === 1)?.p50 ?? Number.NaN;
    console.log(`\none save, medians of 25 in a row (ms): HTTP p50 at N = 1: ${httpOne.toFixed(1)}`);
    console.log(`  session check (cookie + user row)  ${b.session.toFixed(1)}`);
    console.log(`  rate-limit token                   ${b.rateLimit.toFixed(1)}`);
    console.log(`  use case (saveProgress)            ${b.useCase.toFixed(1)}   of which the figures refresh ≈ ${b.figures.toFixed(1)}`);
    console.log(`  Next.js + HTTP (the rest)          ${(httpOne - b.session - b.rateLimit - b.useCase).toFixed(1)}`);
  } finally {
    await db?.close();
    await environment.cleanup();
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `bench:writes — ${os.cpus().length} × ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
ensureBuild(ROOT);
if (values.only !== "postgres") await benchEngine("PGlite");
if (values.only !== "pglite" && process.env.DATABASE_URL?.trim()) await benchEngine("PostgreSQL");
else console.log("\n(PostgreSQL skipped: set DATABASE_URL to a server where a throwaway database may be created)");
console.log(
  `\nload average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
