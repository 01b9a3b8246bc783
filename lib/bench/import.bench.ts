/**
 * `npm run bench:import`: the admin's Excel import preview of a 10,000-row workbook (issue 12: it took 24–41 s and
 * held every other request meanwhile).
 *
 * 1. In this process: exceljs loading the workbook alone, against the full preview as the page runs it
 *    (previewWorkbookImport: the worker's read, parse, validation and lint, and the database lookups), each the
 *    median of RUNS after a warm-up, and their ratio (goal ≤ 3×).
 * 2. Against a real server — `next start` of the existing build (built first when there is none) on its own port
 *    (BENCH_PORT, default 3197) and a throwaway DATA_DIR: signed in as admin, the page's own server action
 *    (previewImportAction, called as the browser calls it) uploads the workbook again and again while another
 *    client requests `GET /login` one after another; prints the p50/p95 of those requests (goal p95 < 300 ms),
 *    and, for comparison, with no preview running.
 *
 * A script, not a timed test: a busy machine prints a slower figure instead of failing.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { SYSTEM } from "@/lib/auth/actor";
import { previewWorkbookImport } from "@/lib/authoring/preview-workbook-import";
import { createTestDatabase } from "@/lib/testing/database";
import { largeTargetWorkbook } from "@/lib/testing/large-workbooks";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3197);
const DEPARTMENT = "乌鲁木齐市科学技术局";
const root = process.cwd();
const base = `http://127.0.0.1:${PORT}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function inProcess(label: string, bytes: Uint8Array): Promise<void> {
  const load = await timed(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });
  const db = await createTestDatabase();
  let preview: Awaited<ReturnType<typeof previewWorkbookImport>> | undefined;
  try {
    const full = await timed(async () => {
      preview = await previewWorkbookImport(db.prisma, SYSTEM, bytes, { department: DEPARTMENT });
    });
    const rows = preview!.sheets.reduce((n, s) => n + s.rows.length, 0);
    console.log(`${label}（${Math.round(bytes.byteLength / 1024)} KB）`);
    console.log(`  exceljs 载入         ${ms(load)}`);
    console.log(`  完整预览（导入预览） ${ms(full)}  = ${(full / load).toFixed(2)} × exceljs 载入`);
    console.log(
      `  预览结果：${preview!.sheets.length} 张表，${rows} 行，${preview!.problems.length} 处问题，错误 ${preview!.errorCount}，警告 ${preview!.warningCount}`,
    );
  } finally {
    await db.close();
  }
}

/** The server: the existing build (or a new one), a fresh data directory with the demo users, `next start`. */
async function startServer(dataDir: string): Promise<ChildProcess> {
  const next = path.join(root, "node_modules", ".bin", "next");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("没有现成的构建，正在 next build …");
    if (spawnSync(next, ["build"], { stdio: "inherit" }).status !== 0) throw new Error("next build 失败");
  }
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1", PTT_SCHEDULER: "off" };
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const seeded = spawnSync(tsx, ["--conditions=react-server", "lib/cli/db-setup.ts"], { env, encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`db:setup 失败：${seeded.stderr}`);
  const server = spawn(next, ["start", "-p", String(PORT)], { env, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${base}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill();
  throw new Error(`服务器未能在端口 ${PORT} 启动`);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username: "admin", password: "Admin@2025demo", json: "true" }),
  });
  keep(login);
  if (!jar.has("next-auth.session-token")) throw new Error("管理员登录失败");
  return cookie();
}

/** The id Next gave previewImportAction in this build. */
function previewActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === "app/(app)/admin/import/actions.ts" && v.exportedName === "previewImportAction");
  if (!hit) throw new Error("构建中找不到 previewImportAction");
  return hit[0];
}

/** One upload as the page sends it: React's encoding of a FormData argument (`_1_` fields, root `["$K1"]`). */
async function uploadPreview(cookie: string, action: string, bytes: Uint8Array): Promise<number> {
  const body = new FormData();
  body.append("_1_file", new Blob([bytes as Uint8Array<ArrayBuffer>]), "bench.xlsx");
  body.append("_1_year", "");
  body.append("_1_department", DEPARTMENT);
  body.append("_1_replace", "false");
  body.append("0", '["$K1"]');
  const start = performance.now();
  const response = await fetch(`${base}/admin/import`, { method: "POST", headers: { cookie, Accept: "text/x-component", "Next-Action": action }, body });
  const text = await response.text();
  if (!text.includes('"ok":true')) throw new Error(`预览失败：${text.slice(0, 300)}`);
  return performance.now() - start;
}

/** `GET /login` one after another until `until` settles. */
async function loginLatencies(until: Promise<unknown> | number): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  if (typeof until === "number") {
    for (let i = 0; i < until; i++) samples.push(await oneLogin());
    return samples;
  }
  void until.finally(() => {
    done = true;
  });
  while (!done) samples.push(await oneLogin());
  return samples;
}

async function oneLogin(): Promise<number> {
  const start = performance.now();
  const r = await fetch(`${base}/login`);
  await r.arrayBuffer();
  return performance.now() - start;
}

async function againstServer(bytes: Uint8Array): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-bench-import-"));
  let server: ChildProcess | undefined;
  try {
    server = await startServer(dataDir);
    const cookie = await signIn();
    const action = previewActionId();
    await uploadPreview(cookie, action, bytes); // warm-up: the page's chunks, a started worker
    await loginLatencies(5);
    const idle = await loginLatencies(30);
    const previews: number[] = [];
    const during: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const preview = uploadPreview(cookie, action, bytes);
      during.push(...(await loginLatencies(preview)));
      previews.push(await preview);
    }
    console.log(`真实服务器（next start，端口 ${PORT}），管理员通过页面的 server action 上传同一工作簿 ${RUNS} 次：`);
    console.log(`  预览请求（上传 → 预览数据）中位数 ${ms(median(previews))}`);
    console.log(`  同时 GET /login：${during.length} 次，p50 ${ms(quantile(during, 0.5))}，p95 ${ms(quantile(during, 0.95))}，最长 ${ms(Math.max(...during))}`);
    console.log(`  无预览时 GET /login：p50 ${ms(quantile(idle, 0.5))}，p95 ${ms(quantile(idle, 0.95))}`);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => (server && server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`导入预览基准（${os.cpus().length} 核，Node ${process.versions.node}，每项取 ${RUNS} 次的中位数）`);
const workbook = await largeTargetWorkbook({ forms: 50, rowsPerForm: 200 });
await inProcess("10,000 行：50 张项目支出表 × 200 行", workbook);
await inProcess("10,000 行：1 张表（超过每表 200 行，预览报告该问题）", await largeTargetWorkbook({ forms: 1, rowsPerForm: 10_000 }));
if (process.env.BENCH_SERVER !== "off") await againstServer(workbook);
process.exit(0);
