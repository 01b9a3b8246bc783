import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliEnvironment } from "@/lib/testing/database";
import { SEED_FILE } from "@/lib/seed/seed-database";

// The commands as a person runs them: real processes, real exit statuses, the database checked after.

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-files-"));
const seedText = fs.readFileSync(SEED_FILE, "utf8");

function run(script: string, args: string[], input?: string) {
  // As the npm scripts run them: `import "server-only"` resolves to nothing under the react-server condition.
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("lib", "cli", script), ...args], {
    env: { ...process.env, ...cli.env },
    input,
    encoding: "utf8",
    // A hang, not a busy machine: db:setup (migrations, 14 sheets, 5 password hashes) took over 2 minutes on a
    // 2-core machine shared by several builds.
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const writeFile = (name: string, content: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};
const exportYear = () => run("sheets-export.ts", ["--year", "2025"]);

beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(async () => {
  await cli.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Each case runs several commands in turn; spawnSync holds the runner until each one ends.
describe("db:setup, sheets:export and sheets:import", { timeout: 1_800_000 }, () => {
  it("sets up the database and exports the 14 seed sheets as the document prints them", () => {
    const setup = run("db-setup.ts", []);
    expect(setup.status, setup.stderr).toBe(0);
    expect(setup.stdout).toContain("已载入 14 张2025年绩效目标表");
    const exported = exportYear();
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toBe(seedText);
    expect(run("db-setup.ts", []).stdout).toContain("数据库已有数据，未载入种子数据");
  });

  it("rejects malformed files whole, with sheet/row/field messages and exit status 2, changing nothing", () => {
    const before = exportYear().stdout;
    const file = JSON.parse(seedText);
    file.sheets[1].name = "新项目A";
    file.sheets[1].indicators[0].targetRaw = "＞=若干项";
    delete file.sheets[1].indicators[0].target;
    file.sheets[2].name = "新项目B";
    delete file.sheets[2].indicators[3].weight;
    file.sheets[3].name = "新项目C";
    file.sheets[3].indicators[0].weight = 60;
    file.sheets = file.sheets.slice(1, 4);

    const bad = run("sheets-import.ts", [writeFile("bad.json", JSON.stringify(file))]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("未写入任何数据（3 处问题）");
    expect(bad.stderr).toMatch(/第1张表「新项目A」第1行「支持产业核心技术攻关项目数量」 指标值（targetRaw）：.*＞=若干项/);
    expect(bad.stderr).toMatch(/第2张表「新项目B」第4行「系统故障率（%）」 指标分值权重（weight）：/);
    expect(bad.stderr).toMatch(/第3张表「新项目C」 指标列表（indicators）：指标分值权重合计 140.00 超过 100/);

    const json = run("sheets-import.ts", [writeFile("broken.json", '{"department": ')]);
    expect(json.status).toBe(2);
    expect(json.stderr).toMatch(/不是有效的 JSON/);

    const missing = run("sheets-import.ts", [writeFile("missing.json", JSON.stringify({ department: "x", fiscalYear: 2026, sheets: [{ kind: "project" }] }))]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/第1张表 预算单位（unit）：/);

    expect(exportYear().stdout).toBe(before);
  });

  it("lists a NUL byte and an over-long 项目总体目标 as problems with sheet, row and field (exit 2), never a database error", () => {
    const before = exportYear().stdout;
    const file = JSON.parse(seedText);
    file.sheets = file.sheets.slice(1, 3);
    file.sheets[0].name = "新项目D";
    file.sheets[0].goal = "目".repeat(1_000_000);
    file.sheets[1].name = "新项目E";
    file.sheets[1].indicators[1].name = "技术合同\u0000登记数量";
    const bad = run("sheets-import.ts", [writeFile("control.json", JSON.stringify(file))]);
    expect(bad.status, bad.stderr).toBe(2);
    expect(bad.stderr).toContain("未写入任何数据（2 处问题）");
    expect(bad.stderr).toMatch(/第1张表「新项目D」 项目总体目标（goal）：项目总体目标不能超过 5000 个字/);
    expect(bad.stderr).toMatch(/第2张表「新项目E」第2行「技术合同\uFFFD登记数量」 名称（name）：三级指标含有不可见的控制字符（U\+0000，第 5 个字符）/);
    expect(bad.stderr).not.toContain("\u0000");
    expect(exportYear().stdout).toBe(before);
  });

  it("refuses an existing sheet without --replace (exit 2), replaces it with --replace, reads stdin with -", () => {
    const file = JSON.parse(seedText);
    file.sheets = [file.sheets[5]];
    const text = JSON.stringify(file);
    const refused = run("sheets-import.ts", ["-"], text);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/已有同名绩效目标表（如需覆盖请使用 --replace）/);
    const replaced = run("sheets-import.ts", ["-", "--replace"], text);
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.stdout).toBe("已导入 1 张绩效目标表（新建 0，覆盖 1）\n");
    expect(exportYear().stdout).toBe(seedText);
  });
});
