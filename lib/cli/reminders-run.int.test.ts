import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "@/lib/testing/database";

// `npm run reminders:run` as cron runs it: a real process on a seeded database, its output and exit status.

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;

function run(script: string, args: string[]) {
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("lib", "cli", script), ...args], {
    env: { ...process.env, ...cli.env },
    encoding: "utf8",
    // A hang, not a busy machine (seeding hashes five passwords).
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(async () => {
  await cli.cleanup();
});

describe("reminders:run", { timeout: 1_800_000 }, () => {
  it("explains itself, and refuses a time it cannot read with the usage and exit status 2", () => {
    const help = run("reminders-run.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("用法：npm run reminders:run -- [--now 时间]");
    const bad = run("reminders-run.ts", ["--now", "明天"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("「明天」不是有效的时间，例如 2025-08-11T09:00:00+08:00");
    expect(run("reminders-run.ts", ["--later"]).stderr).toContain("未知的选项「--later」");
  });

  it("runs one pass and prints what it queued; run again, it queues nothing new", () => {
    const seeded = run("db-seed.ts", ["--demo-users"]);
    expect(seeded.status, seeded.stderr).toBe(0);
    const first = run("reminders-run.ts", ["--now", "2025-05-11T09:00"]);
    expect(first.status, first.stderr).toBe(0);
    // The seed's leads lead 7 sheets, each owing April since yesterday; the one manager gets the department's summary.
    expect(first.stdout).toContain("提醒调度：北京时间 2025-05-11 09:00");
    expect(first.stdout).toContain("生成提醒：截止提醒 0 条，逾期提醒 7 条，管理者每日汇总 1 份（站内通知 8 条");
    expect(first.stdout).toMatch(/发送：成功 \d+ 条，稍后重试 \d+ 条，失败 \d+ 条/);
    const again = run("reminders-run.ts", ["--now", "2025-05-11T10:00:00+08:00"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("生成提醒：截止提醒 0 条，逾期提醒 0 条，管理者每日汇总 0 份（站内通知 0 条，待发邮件和群消息 0 条）");
  });
});
