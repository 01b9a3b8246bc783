import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { previewWorkbookImport } from "@/lib/authoring/preview-workbook-import";
import { NEW_PROJECT, newProjectCells, workbookOf } from "@/lib/testing/authoring-workbooks";
import { createCliEnvironment, createTestDatabase } from "@/lib/testing/database";

// `sheets:import` of an .xlsx as a person runs it, against what the admin page's preview says of the same file.

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-xlsx-"));
const DEPARTMENT = "乌鲁木齐市科学技术局";

function run(script: string, args: string[]) {
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("lib", "cli", script), ...args], {
    env: { ...process.env, ...cli.env },
    encoding: "utf8",
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const writeWorkbook = async (name: string, bytes: Promise<Uint8Array>) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, await bytes);
  return file;
};

beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(async () => {
  await cli.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("sheets:import of an .xlsx", { timeout: 1_800_000 }, () => {
  it("--dry-run prints the admin page's preview of the same workbook and writes nothing; without it, imports", async () => {
    const bytes = await workbookOf({ 表: newProjectCells() });
    const file = await writeWorkbook("new.xlsx", Promise.resolve(bytes));

    const db = await createTestDatabase();
    const preview = await previewWorkbookImport(db.prisma, SYSTEM, bytes, { department: DEPARTMENT }).finally(() => db.close());
    const json = run("sheets-import.ts", [file, "--dry-run", "--json", "--department", DEPARTMENT]);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(preview)));
    expect(preview.sheets[0]!.rows).toHaveLength(5);

    const text = run("sheets-import.ts", [file, "--dry-run", "--department", DEPARTMENT]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`导入预览（未写入任何数据）：2024年「${DEPARTMENT}」，1 张绩效目标表，共 5 行`);
    expect(text.stdout).toContain(`第1张表「${NEW_PROJECT}」（项目支出，预算单位「${DEPARTMENT}」，负责人 冯先生，资金 1200.00 万元）：5 行，新建`);
    expect(text.stdout).toContain("  第1行 产出指标/数量指标/支持成果转化项目数量：＞＝５项 → >=5项（正向），分值 10，按照完成比例赋分");
    expect(text.stdout).toMatch(/ {2}警告 .*：/);
    expect(text.stdout).toContain("可以导入：去掉 --dry-run 再运行即写入。");

    // Had the dry runs written anything, this would be a clash (exit 2).
    const imported = run("sheets-import.ts", [file, "--department", DEPARTMENT]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toBe("已导入 1 张2024年绩效目标表（新建 1，覆盖 0）\n");
    expect(JSON.parse(run("sheets-export.ts", ["--year", "2024"]).stdout).sheets.map((s: { name: string }) => s.name)).toEqual([NEW_PROJECT]);
  });

  it("--dry-run of a workbook with problems names worksheet and cell, lists the blockers, exits 2; a refused file says its limit", async () => {
    const file = await writeWorkbook("broken.xlsx", workbookOf({ 表: newProjectCells({ G9: "十分", D10: "＞=若干项" }) }));
    const broken = run("sheets-import.ts", [file, "--dry-run", "--department", DEPARTMENT]);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toContain("工作簿问题（2 处）：");
    expect(broken.stdout).toContain("  工作表「表」单元格 G9 指标分值权重：「十分」不是数字");
    expect(broken.stdout).toMatch(/ {2}工作表「表」单元格 D10 指标值：/);
    expect(broken.stdout).toContain("不能导入：\n  工作簿有 2 处问题，请在 Excel 中修改后重新上传");

    const notWorkbook = path.join(tmp, "fake.xlsx");
    fs.writeFileSync(notWorkbook, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100)]));
    const refused = run("sheets-import.ts", [notWorkbook, "--dry-run", "--department", DEPARTMENT]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("不是有效的 Excel 工作簿（.xlsx）：找不到压缩包目录（文件不完整或不是 .xlsx）\n");
  });
});
