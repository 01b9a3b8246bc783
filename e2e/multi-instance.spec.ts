import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, type Browser, expect, type Page, request, test } from "@playwright/test";
import pg from "pg";
import S3rver from "s3rver";
import { logIn } from "./login";
import { SHEETS, USERS } from "./users";

/**
 * Two app instances behind no balancer at all — `next start` on two ports, the build the journeys already use —
 * over one PostgreSQL database and one S3-protocol server (s3rver): what one instance writes, the other serves at
 * once; a session signed on one is valid on the other; a sign-in lock counted on one holds on the other
 * (docs/deploy.md). PostgreSQL: PTT_E2E_POSTGRES_URL, or the role CI creates (.ci/run); a throwaway database is
 * made on it and dropped afterwards. Skipped, saying why, where no PostgreSQL answers.
 */
test.describe.configure({ mode: "serial" });

const SERVER_URL = process.env.PTT_E2E_POSTGRES_URL ?? "postgresql://ptt_ci:ptt_ci@localhost:5432/ptt_ci";
const ROW = SHEETS.liangqu.indicator;

interface Instance {
  url: string;
  process: ChildProcess;
  log: string[];
}

let databaseUrl = "";
let databaseName = "";
let s3: S3rver | undefined;
let s3Dir = "";
const instances: Instance[] = [];
const dataDirs: string[] = [];
let unavailable = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `next start` on `port` with the shared settings; resolves once it serves the login page. */
async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-e2e-instance-"));
  dataDirs.push(dataDir);
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    env: { ...process.env, ...env, DATA_DIR: dataDir, PORT: String(port) },
    detached: true, // its own process group: next start runs the server in a child, stopped with it
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  child.stdout!.setEncoding("utf8").on("data", (t: string) => log.push(t));
  child.stderr!.setEncoding("utf8").on("data", (t: string) => log.push(t));
  const instance = { url: `http://localhost:${port}`, process: child, log };
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`next start -p ${port} ended: ${log.join("")}`);
        return fetch(`${instance.url}/login`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 180_000, intervals: [250, 500, 1000] },
    )
    .toBe(200);
  return instance;
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.process.exitCode !== null || !instance.process.pid) return;
  const exited = new Promise((resolve) => instance.process.on("exit", resolve));
  process.kill(-instance.process.pid, "SIGTERM");
  await exited;
}

/** Signs in through the API (as the login form does); returns whether a session came of it. */
async function signIn(api: APIRequestContext, username: string, password: string): Promise<boolean> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, json: "true" } });
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: unknown } | null;
  return Boolean(session?.user);
}

async function signedInPage(browser: Browser, baseURL: string, user: keyof typeof USERS): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await logIn(page, user);
  return page;
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  try {
    await admin((client) => client.query("SELECT 1"));
  } catch (error) {
    unavailable = `PostgreSQL at ${SERVER_URL.replace(/:[^:@/]*@/, ":***@")} does not answer (${(error as Error).message})`;
    return;
  }
  databaseName = `ptt_e2e_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${databaseName}"`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();

  // Migrations, the 2025 sheets and the demo users, as an operator sets up a database.
  const seed = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join("lib", "cli", "db-seed.ts"), "--demo-users"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 300_000,
  });
  if (seed.status !== 0) throw new Error(`db:seed failed: ${seed.stderr}`);

  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-e2e-s3-"));
  s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: "ptt-evidence" }] });
  const { port: s3Port } = await s3.run();

  const shared = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    EVIDENCE_STORE: "s3",
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_BUCKET: "ptt-evidence",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    TZ: "UTC",
  };
  const [portA, portB] = [await freePort(), await freePort()];
  instances.push(...(await Promise.all([startInstance(portA, shared), startInstance(portB, shared)])));
});

test.afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  if (s3?.httpServer) {
    s3.httpServer.closeAllConnections();
    await s3.close();
  }
  if (s3Dir) fs.rmSync(s3Dir, { recursive: true, force: true });
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  // Plain DROP first (the instances have closed their connections); FORCE only for a connection still closing.
  if (databaseName) {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}"`))
      .catch(() => admin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)))
      .catch(() => undefined);
  }
});

test.beforeEach(() => {
  test.skip(unavailable !== "", unavailable);
});

test("a lead saves and uploads through A; the manager sees the value and downloads the file through B at once", async ({ browser }) => {
  test.setTimeout(300_000);
  const [a, b] = instances as [Instance, Instance];
  const lead = await signedInPage(browser, a.url, "lead");
  await lead.goto("/sheets");
  await lead.getByRole("link", { name: SHEETS.liangqu.name, exact: true }).click();
  await expect(lead).toHaveURL(/\/sheets\/\d+$/);
  const sheetPath = new URL(lead.url()).pathname;
  await lead.goto(`${sheetPath}/progress?month=7`);
  await lead.getByLabel(`实际完成值（截至7月）：${ROW}`, { exact: true }).fill("3");
  await lead.getByLabel("执行数（截至7月，万元）", { exact: true }).fill("1,234.56");
  await lead.getByRole("button", { name: "保存" }).click();
  await expect(lead.getByRole("status")).toContainText("已保存 2 项修改");

  const content = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(300_000)]);
  const name = `两个实例-${Date.now()}.pdf`;
  const panel = lead.getByRole("region", { name: "佐证资料：2025年7月" });
  await panel.getByLabel("上传佐证资料").setInputFiles({ name, mimeType: "application/pdf", buffer: content });
  await expect(panel.getByRole("row").filter({ hasText: name })).toBeVisible();

  const manager = await signedInPage(browser, b.url, "manager");
  await manager.goto(`${sheetPath}/progress?month=7`);
  await expect(manager.getByRole("table", { name: "预算执行（2025年7月）" })).toContainText("1,234.56");
  const managerRow = manager.getByRole("row").filter({ has: manager.getByRole("rowheader", { name: ROW, exact: true }) });
  await expect(managerRow).toContainText("3");
  const link = manager.getByRole("region", { name: "佐证资料：2025年7月" }).getByRole("link", { name });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/evidence\/\d+$/);
  const download = await manager.request.get(`${b.url}${href}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body())).toEqual(content);
  await Promise.all([lead.context().close(), manager.context().close()]);
});

test("a session signed by A is valid on B", async ({ browser }) => {
  const [a, b] = instances as [Instance, Instance];
  const page = await signedInPage(browser, a.url, "lead2");
  // The cookie A set is sent to B (same host, another port): B accepts it without a sign-in.
  await page.goto(`${b.url}/`);
  await expect(page).toHaveURL(`${b.url}/`);
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(USERS.lead2.displayName);
  await page.context().close();
});

test("a sign-in lock counted on A holds on B", async () => {
  const [a, b] = instances as [Instance, Instance];
  const { username, password } = USERS.evaluator;
  const onA = await request.newContext({ baseURL: a.url });
  const onB = await request.newContext({ baseURL: b.url });
  // The password is right: B signs the evaluator in.
  expect(await signIn(onB, username, password)).toBe(true);
  // Five wrong passwords through A lock the account from this address (docs/security.md) …
  for (let i = 0; i < 5; i++) expect(await signIn(onA, username, `wrong-${i}`)).toBe(false);
  // … and B, counting in the same database, refuses the right password from a fresh client.
  const fresh = await request.newContext({ baseURL: b.url });
  expect(await signIn(fresh, username, password)).toBe(false);
  await Promise.all([onA.dispose(), onB.dispose(), fresh.dispose()]);
});
