import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "@/lib/testing/database";

// db:backup and db:restore as a person runs them (the restore drill itself is lib/backup/restore-drill.int.test.ts).

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-backup-cli-"));
const environments: Awaited<ReturnType<typeof createCliEnvironment>>[] = [];

async function environment() {
  const env = await createCliEnvironment();
  environments.push(env);
  // Evidence lives under DATA_DIR on PostgreSQL too: each environment gets its own.
  return { ...env.env, DATA_DIR: env.env.DATA_DIR ?? fs.mkdtempSync(path.join(tmp, "data-")) };
}

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("lib", "cli", script), ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(async () => {
  for (const env of environments) await env.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("db:backup and db:restore", { timeout: 1_800_000 }, () => {
  it("backs up a database, restores it into an empty one, and refuses to restore over data", async () => {
    const source = await environment();
    expect(run("db-migrate.ts", [], source).status).toBe(0);
    const archive = path.join(tmp, "backup.tar.gz");
    const backup = run("db-backup.ts", ["--out", archive], source);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /^已写入备份 .*backup\.tar\.gz：.*0 个佐证资料文件；数据库结构 \d{14}_\w+，备份时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）\n$/,
    );
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);

    const target = await environment();
    const restore = run("db-restore.ts", [archive], target);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^已恢复备份（备份时间 .*）到.*：\d+ 行数据，0 个佐证资料文件\n$/);

    const again = run("db-restore.ts", [archive], target);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/不是空的.*恢复只写入空/);
  });

  it("names what is wrong with the command line or the file", async () => {
    const env = await environment();
    expect(run("db-backup.ts", [], env)).toMatchObject({ status: 2, stderr: expect.stringContaining("用法：npm run --silent db:backup -- --out FILE") });
    expect(run("db-restore.ts", [], env)).toMatchObject({ status: 2, stderr: expect.stringContaining("用法：npm run --silent db:restore -- FILE") });
    const notArchive = path.join(tmp, "not-a-backup.tar.gz");
    fs.writeFileSync(notArchive, "hello");
    const refused = run("db-restore.ts", [notArchive], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("not-a-backup.tar.gz 不是完整的 .tar.gz 文件");
  });
});
