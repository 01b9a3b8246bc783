import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, SYSTEM } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "@/lib/testing/database";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { exportSheets, formatInterchange } from "@/lib/sheets/export-sheets";
import { commitWorkbookImport } from "./commit-workbook-import";
import { exportWorkbook, templateWorkbook } from "./export-workbook";
import { previewWorkbookImport } from "./preview-workbook-import";
import { NEW_PROJECT, newProjectCells, workbookOf } from "@/lib/testing/authoring-workbooks";
import { outcome, refusal, seededDatabase } from "@/lib/testing/authoring-fixtures";

let db: Database;
let actors: Record<DemoUsername, Actor>;

beforeAll(async () => {
  ({ db, actors } = await seededDatabase());
});
afterAll(async () => {
  await db?.close();
});

/** Everything an import could write: it must not move when an import is refused. */
const footprint = async (database: Database = db) => ({
  sheets: await database.prisma.targetSheet.count(),
  indicators: await database.prisma.indicator.count(),
  units: await database.prisma.budgetUnit.count(),
  years: await database.prisma.fiscalYear.count(),
  audit: await database.prisma.auditLog.count(),
});

describe("round trip: export → .xlsx → import into an empty database", () => {
  it("gives back every seed sheet exactly (the same interchange JSON), the whole year in one workbook", async () => {
    const original = formatInterchange(await exportSheets(db.prisma, SYSTEM, { year: 2025 }));
    const workbook = await exportWorkbook(db.prisma, actors.admin, { year: 2025 });
    expect(workbook.filename).toBe("2025年绩效目标表.xlsx");
    const empty = await createTestDatabase();
    try {
      // The year is read from the forms' （2025年）; the empty database needs the department named.
      const result = await commitWorkbookImport(empty.prisma, SYSTEM, workbook.bytes, { department: "乌鲁木齐市科学技术局" });
      expect([result.year, result.imported.length]).toEqual([2025, 14]);
      expect(formatInterchange(await exportSheets(empty.prisma, SYSTEM, { year: 2025 }))).toBe(original);
    } finally {
      await empty.close();
    }
  });

  it("gives back every seed sheet exactly, each exported on its own", async () => {
    const original = formatInterchange(await exportSheets(db.prisma, SYSTEM, { year: 2025 }));
    const ids = await db.prisma.targetSheet.findMany({
      where: { fiscalYear: { year: 2025 } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    });
    expect(ids).toHaveLength(14);
    const empty = await createTestDatabase();
    try {
      for (const { id, name } of ids) {
        const workbook = await exportWorkbook(db.prisma, actors.admin, { sheetId: id });
        expect(workbook.filename).toBe(`${name.includes("2025年") ? "" : "2025年"}${name.replace(/[\\/:*?"<>|]/g, "_")}.xlsx`);
        await commitWorkbookImport(empty.prisma, SYSTEM, workbook.bytes, { department: "乌鲁木齐市科学技术局" });
      }
      expect(formatInterchange(await exportSheets(empty.prisma, SYSTEM, { year: 2025 }))).toBe(original);
    } finally {
      await empty.close();
    }
  });
});

describe("previewWorkbookImport and commitWorkbookImport", () => {
  it("previews a filled workbook (merged cells, full-width symbols, numbers as text) with its one warning, writing nothing; commit writes it", async () => {
    const bytes = await workbookOf({ 成果转化: newProjectCells() });
    const before = await footprint();
    const preview = await previewWorkbookImport(db.prisma, actors.admin, bytes, {});
    expect(await footprint()).toEqual(before);
    expect(preview).toMatchObject({ year: 2024, department: "乌鲁木齐市科学技术局", problems: [], errorCount: 0, warningCount: 1, blockers: [] });
    const [sheet] = preview.sheets;
    expect(sheet).toMatchObject({
      unit: "乌鲁木齐市科学技术局",
      name: NEW_PROJECT,
      lead: "冯先生",
      funds: { total: "1200.00", fiscal: "1200.00", other: "0.00" },
      exists: false,
    });
    expect(sheet!.rows.map((r) => [r.level1, r.level2, r.name, r.targetRaw, r.understood, r.weight, r.rule, r.evidence])).toEqual([
      ["产出指标", "数量指标", "支持成果转化项目数量", "＞＝５项", ">=5项（正向）", "10", "按照完成比例赋分", ["说明材料", "工作资料"]],
      ["产出指标", "数量指标", "技术合同登记数量", "＞=20项", ">=20项（正向）", "10", "按照完成比例赋分", ["工作资料"]],
      ["产出指标", "质量指标", "项目验收通过率", "＝１００％", "=100%（正向）", "20", "直接赋分", ["正式材料"]],
      ["效益指标", "社会效益指标", "促进科技成果转化", "有效促进", "定性", "40", "按评判等级赋分", ["说明材料"]],
      ["满意度指标", "满意度指标", "服务对象满意度", "≥90%", ">=90%（正向）", "10", "满意度赋分", ["说明材料"]],
    ]);
    expect(sheet!.findings).toEqual([
      {
        level: "warning",
        row: 0,
        location: "第1行「支持成果转化项目数量」指标值",
        message:
          "项目总体目标写「推动科技成果在乌鲁木齐转化落地，全年支持成果转化项目6项」（6项），与三级指标「支持成果转化项目数量」的指标值「＞＝５项」不一致，请确认".replace(
            "推动科技成果在乌鲁木齐转化落地，",
            "",
          ),
      },
    ]);

    const result = await commitWorkbookImport(db.prisma, actors.admin, bytes, {});
    expect(result.imported).toEqual([{ id: expect.any(Number), unit: "乌鲁木齐市科学技术局", name: NEW_PROJECT, action: "created" }]);
    const stored = await db.prisma.targetSheet.findUniqueOrThrow({ where: { id: result.imported[0]!.id }, include: { fiscalYear: true, indicators: true } });
    expect([stored.status, stored.fiscalYear.year, stored.indicators.length]).toEqual(["PUBLISHED", 2024, 5]);
    expect(
      await db.prisma.auditLog.count({ where: { action: "sheet.import", entityId: String(stored.id), actorId: (actors.admin as { id: number }).id } }),
    ).toBe(1);

    // The same workbook again: the sheet exists now.
    const again = await previewWorkbookImport(db.prisma, actors.admin, bytes, {});
    expect(again.sheets[0]!.exists).toBe(true);
    expect(again.blockers).toEqual(["2024年已有 1 张同名绩效目标表；如需覆盖，请勾选“覆盖同名绩效目标表”后重新上传"]);
    const conflict = await refusal(commitWorkbookImport(db.prisma, actors.admin, bytes, {}));
    expect([conflict.code, conflict.problems]).toEqual(["CONFLICT", [{ path: "「乌鲁木齐市科学技术局」", message: `已有「${NEW_PROJECT}」` }]]);
    // Replacing keeps the sheet (its id), unless someone has started reporting on it.
    const replaced = await commitWorkbookImport(db.prisma, actors.admin, await workbookOf({ 成果转化: newProjectCells({ G14: 10, D10: "＞=25项" }) }), {
      replace: true,
    });
    expect(replaced.imported).toEqual([{ id: stored.id, unit: "乌鲁木齐市科学技术局", name: NEW_PROJECT, action: "replaced" }]);
    const row = await db.prisma.indicator.findFirstOrThrow({ where: { sheetId: stored.id, position: 1 } });
    expect(row.targetRaw).toBe("＞=25项");
    await db.prisma.progressEntry.create({ data: { indicatorId: row.id, month: 3, value: "5" } });
    expect(await outcome(commitWorkbookImport(db.prisma, actors.admin, bytes, { replace: true }))).toBe("CONFLICT");
    expect((await db.prisma.indicator.findUniqueOrThrow({ where: { id: row.id } })).targetRaw).toBe("＞=25项");
  });

  it("refuses a workbook with an unparseable target and a weight of text, naming the cells, writing nothing", async () => {
    const bytes = await workbookOf({ 成果转化: newProjectCells({ "B4:F4": "2024年另一个项目", D10: "＞=若干项", G12: "二十分" }) });
    const before = await footprint();
    const preview = await previewWorkbookImport(db.prisma, actors.admin, bytes, {});
    expect(preview.problems).toEqual([
      { path: "工作表「成果转化」单元格 D10 指标值", message: "「＞=若干项」有比较符但没有可解析的数值" },
      { path: "工作表「成果转化」单元格 G12 指标分值权重", message: "「二十分」不是数字" },
    ]);
    expect(preview.sheets).toEqual([]);
    expect(preview.blockers).toEqual(["工作簿有 2 处问题，请在 Excel 中修改后重新上传"]);
    const refused = await refusal(commitWorkbookImport(db.prisma, actors.admin, bytes, {}));
    expect([refused.code, refused.problems]).toEqual(["INVALID", preview.problems]);
    expect(await footprint()).toEqual(before);
  });

  it("refuses an over-long 项目总体目标 as the editor and sheets:import do, naming the cell, writing nothing", async () => {
    const bytes = await workbookOf({ 成果转化: newProjectCells({ "B4:F4": "2024年目标过长的项目", "B7:I7": "目".repeat(5001) }) });
    const before = await footprint();
    const preview = await previewWorkbookImport(db.prisma, actors.admin, bytes, {});
    expect(preview.problems).toEqual([{ path: "工作表「成果转化」单元格 B7 项目总体目标", message: "不能超过 5000 个字" }]);
    expect(preview.blockers).toEqual(["工作簿有 1 处问题，请在 Excel 中修改后重新上传"]);
    expect((await refusal(commitWorkbookImport(db.prisma, actors.admin, bytes, {}))).problems).toEqual(preview.problems);
    expect(await footprint()).toEqual(before);
  });

  it("refuses a workbook whose lint finds an error (a target without comparator), writing nothing", async () => {
    const bytes = await workbookOf({ 成果转化: newProjectCells({ "B4:F4": "2024年第三个项目", D12: "100%" }) });
    const before = await footprint();
    const preview = await previewWorkbookImport(db.prisma, actors.admin, bytes, {});
    expect([preview.problems, preview.errorCount, preview.blockers]).toEqual([[], 1, ["检查发现 1 处错误，请修改后重新上传"]]);
    const refused = await refusal(commitWorkbookImport(db.prisma, actors.admin, bytes, {}));
    expect(refused.code).toBe("INVALID");
    expect(refused.problems).toEqual([
      {
        path: "第1张表「2024年第三个项目」第3行「项目验收通过率」指标值",
        message: "错误：指标值「100%」缺少比较符，会被当作定性指标；请写成 =100%、>=100% 或 <=100%",
      },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it("says what is wrong with a file that is not a workbook, or one whose year is not printed", async () => {
    // Refused before any worker starts: the file has no zip directory.
    const notXlsx = await refusal(previewWorkbookImport(db.prisma, actors.admin, new TextEncoder().encode("not a workbook"), { year: 2024 }));
    expect([notXlsx.code, notXlsx.problems[0]?.path]).toEqual(["INVALID", "file"]);
    expect(notXlsx.message).toMatch(/^不是有效的 Excel 工作簿（\.xlsx）：找不到压缩包目录/);
    const noYear = await refusal(previewWorkbookImport(db.prisma, actors.admin, await workbookOf({ 表: newProjectCells({ "A2:I2": "（    年）" }) }), {}));
    expect([noYear.code, noYear.problems[0]?.path]).toEqual(["INVALID", "year"]);
    // Given in the form, the year needs no title.
    const given = await previewWorkbookImport(db.prisma, actors.admin, await workbookOf({ 表: newProjectCells({ "A2:I2": "（    年）" }) }), { year: "2024" });
    expect(given.year).toBe(2024);
    expect(await outcome(previewWorkbookImport(db.prisma, actors.admin, new Uint8Array(), { year: 2024 }))).toBe("INVALID");
  });

  it.each(["manager", "lead", "lead2", "evaluator"] as const)("refuses %s", async (user) => {
    const bytes = await workbookOf({ 成果转化: newProjectCells({ "B4:F4": "2024年角色测试" }) });
    expect(await outcome(previewWorkbookImport(db.prisma, actors[user], bytes, {}))).toBe("FORBIDDEN");
    expect(await outcome(commitWorkbookImport(db.prisma, actors[user], bytes, {}))).toBe("FORBIDDEN");
  });
});

describe("exportWorkbook", () => {
  it("exports one sheet to whoever may read it, a whole year to those who may export", async () => {
    const liangqu = (await db.prisma.targetSheet.findFirstOrThrow({ where: { name: "2025年“两区”创新建设专项" } })).id;
    const kepu = (await db.prisma.targetSheet.findFirstOrThrow({ where: { name: "乌鲁木齐市系列科普工作" } })).id;
    const cases: Array<[DemoUsername, Parameters<typeof exportWorkbook>[2], string]> = [
      ["lead", { sheetId: liangqu }, "OK"],
      ["lead", { sheetId: kepu }, "FORBIDDEN"],
      ["lead", { year: 2025 }, "FORBIDDEN"],
      ["lead2", { sheetId: kepu }, "OK"],
      ["evaluator", { sheetId: kepu }, "OK"],
      ["evaluator", { year: 2025 }, "OK"],
      ["manager", { year: 2025 }, "OK"],
      ["admin", { sheetId: 999_999 }, "NOT_FOUND"],
      ["admin", { year: 2031 }, "NOT_FOUND"],
    ];
    for (const [user, input, expected] of cases)
      expect([user, input, await outcome(exportWorkbook(db.prisma, actors[user], input))]).toEqual([user, input, expected]);
  });

  it("offers a blank template that reads as no sheets", async () => {
    const template = await templateWorkbook();
    expect(template.filename).toBe("项目支出绩效目标表（模板）.xlsx");
    const preview = await previewWorkbookImport(db.prisma, actors.admin, template.bytes, { year: 2024 });
    expect(preview.problems).toEqual([{ path: "", message: "工作簿中没有找到绩效目标表" }]);
  });
});
