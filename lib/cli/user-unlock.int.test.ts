import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite, openPostgres } from "@/lib/db/open";
import { createCliEnvironment } from "@/lib/testing/database";
import { signIn } from "@/lib/users/sign-in";
import { THROTTLE } from "@/lib/users/throttle-policy";

// The sole admin locked out by a stranger, rescued from the command line as an operator would.

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;

function run(args: string[], script = "user-unlock.ts", input?: string) {
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("lib", "cli", script), ...args], {
    env: { ...process.env, ...cli.env },
    input,
    encoding: "utf8",
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's database, opened in this process between commands (an embedded one admits one process at a time). */
async function withDb<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = cli.env.DATABASE_URL ? await openPostgres(cli.env.DATABASE_URL) : await openPglite(cli.env.DATA_DIR ?? null);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const PASSWORD = "Only-admin-2025";

beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(async () => {
  await cli.cleanup();
});

describe("npm run user:unlock", { timeout: 1_800_000 }, () => {
  it("lifts the lock a stranger put on the only admin, audited as the system", async () => {
    const created = run(["--username", "boss", "--display-name", "局长", "--role", "ADMIN", "--password-stdin"], "user-create.ts", `${PASSWORD}\n`);
    expect(created.status, created.stderr).toBe(0);
    await withDb(async (db) => {
      for (let i = 0; i < THROTTLE.limit.account; i++) await signIn(db.prisma, { username: "boss", password: `guess-${i}`, address: `203.0.113.${i + 1}` });
      expect(await signIn(db.prisma, { username: "boss", password: PASSWORD, address: "192.0.2.1" })).toEqual({ ok: false });
    });

    const unlocked = run(["--username", "boss"]);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toMatch(/^已解除用户 boss 的登录锁定（原锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?（北京时间），所有来源地址）\n$/);

    await withDb(async (db) => {
      expect(await signIn(db.prisma, { username: "boss", password: PASSWORD, address: "192.0.2.1" })).toMatchObject({ ok: true });
      const entry = await db.prisma.auditLog.findFirst({ where: { action: "user.unlock" } });
      expect(entry).toMatchObject({ actorId: null, entityType: "User" });
    });

    const again = run(["--username", "boss"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("用户 boss 没有被锁定");
  });

  it("names an unknown user (exit 1) and explains a wrong command line (exit 2); --help is no mistake", () => {
    const unknown = run(["--username", "nobody"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("找不到用户「nobody」");

    const missing = run([]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("用法：npm run user:unlock -- --username 用户名");

    const stray = run(["--user", "boss"]);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain("未知的选项「--user」");

    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("用法：npm run user:unlock");
  });
});
