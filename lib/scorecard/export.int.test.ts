import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { exportScorecard } from "./export-scorecard";
import { getScorecard } from "./get-scorecard";
import { parseScorecardQuery } from "./query";
import { reportSeedSample } from "@/lib/testing/scorecard";

let f: Fixture;
const now = AFTER_2025;

beforeAll(async () => {
  f = await createFixture();
  await reportSeedSample(f.db.prisma);
});
afterAll(async () => {
  await f?.db.close();
});

async function read(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const values = (name: string) =>
    workbook
      .getWorksheet(name)!
      .getSheetValues()
      .slice(1)
      .map((row) => (Array.isArray(row) ? row.slice(1) : []));
  return { workbook, values };
}

describe("exportScorecard", () => {
  it("writes the filtered table with the page's columns, unit subtotals and a total, and reads back", async () => {
    const query = parseScorecardQuery({ group: "unit", sort: "budget", dir: "desc", light: "red" });
    const { filename, bytes: body } = await exportScorecard(f.db.prisma, f.actors.manager, query, { now });
    expect(filename).toBe("2025年度绩效看板（截至12月）.xlsx");
    const { values } = await read(body);
    const table = values("绩效看板");
    expect(table[0]![0]).toBe("2025年度绩效看板（截至12月）");
    expect(table[1]![0]).toBe("截至2025年12月（时间进度 100.00%（12/12））；筛选：预警＝红灯；共 2 项");
    expect(table[2]).toEqual([
      "预算单位",
      "项目名称",
      "项目负责人",
      "全年预算数（万元）",
      "执行数（万元）",
      "预算执行率",
      "已提交月报",
      "已审核通过",
      "预警",
      "预计得分",
      "预计等级",
      "评价得分",
      "评价等级",
      "逾期月份",
    ]);
    const page = await getScorecard(f.db.prisma, f.actors.manager, query, { now });
    const liangqu = page.table.rows.find((r) => r.name === "2025年“两区”创新建设专项")!;
    expect(table[3]).toEqual([
      "乌鲁木齐市科学技术局",
      "2025年“两区”创新建设专项",
      "冯先生",
      1600,
      800,
      50,
      "未提交",
      "未通过",
      "红灯·进度滞后",
      Number(liangqu.projected!.score),
      `${liangqu.projected!.grade}（未完整）`,
      undefined,
      "未定稿",
      // Nothing of 2025 was submitted, and on 1 March 2026 every month's deadline has passed.
      "1–12月（12个月）",
    ]);
    expect(table[4]![0]).toBe("小计：乌鲁木齐市科学技术局（1 项）");
    expect(table[4]![3]).toBe(1600);
    expect(table[5]![1]).toBe("乌鲁木齐市系列科普工作");
    expect(table[6]![0]).toBe("小计：乌鲁木齐科技信息服务中心（1 项）");
    expect(table[7]!.slice(0, 9)).toEqual(["合计（2 项）", "2 项", undefined, 1610, 800, 49.69, undefined, undefined, "红灯 2"]);
    expect(table[7]!.at(-1)).toBe("逾期 2 项");
    expect(table).toHaveLength(8);

    const units = values("按单位小计");
    expect(units[2]![0]).toBe("预算单位");
    expect(units.slice(3).map((r) => r.slice(0, 2))).toEqual([
      ["乌鲁木齐市科学技术局", 1],
      ["乌鲁木齐科技信息服务中心", 1],
      ["合计", 2],
    ]);
    expect(units[2]!.at(-1)).toBe("逾期项目");
    expect(units.at(-1)!.at(-1)).toBe(2);
  });

  it("follows the chosen 截至月份 and says it; 待填报 sheets are counted apart", async () => {
    const { filename, bytes } = await exportScorecard(f.db.prisma, f.actors.manager, parseScorecardQuery({ month: "9", cols: "name,light,projected" }), {
      now,
    });
    expect(filename).toBe("2025年度绩效看板（截至9月）.xlsx");
    const table = (await read(bytes)).values("绩效看板");
    expect(table[0]![0]).toBe("2025年度绩效看板（截至9月）");
    expect(table[1]![0]).toBe("截至2025年9月（时间进度 75.00%（9/12））；全部项目；共 13 项（待填报 8 张，不计入平均分）");
    const page = await getScorecard(f.db.prisma, f.actors.manager, parseScorecardQuery({ month: "9" }), { now });
    const lights = new Map(page.table.rows.map((r) => [r.name, r.light.label]));
    for (const r of table.slice(3, -1)) expect(r[1]).toBe(lights.get(r[0] as string));
    expect(table.filter((r) => r[1] === "待填报")).toHaveLength(8);
  });

  it("keeps only the chosen columns, and only the sheets the user may see", async () => {
    const { bytes: body } = await exportScorecard(f.db.prisma, f.actors.lead, parseScorecardQuery({ cols: "name,light,final" }), { now });
    const table = (await read(body)).values("绩效看板");
    expect(table[2]).toEqual(["项目名称", "预警", "评价得分", "评价等级"]);
    expect(table.slice(3, -1).map((r) => r[0])).toEqual(["2025年“两区”创新建设专项", "落实2023年厅地联动市级配套专项资金"]);
    expect(table[4]!.slice(1)).toEqual(["绿灯·正常", 92.5, "优"]);
    expect(table.at(-1)![0]).toBe("合计（2 项）");
  });

  it("filters to the sheets with a month 逾期 and says so", async () => {
    // Month 1 of 两区 submitted on time: its 逾期 months start in February.
    await f.db.prisma.sheetMonth.upsert({
      where: { sheetId_month: { sheetId: f.sheets.liangqu, month: 1 } },
      create: { sheetId: f.sheets.liangqu, month: 1, status: "SUBMITTED" },
      update: { status: "SUBMITTED" },
    });
    const { bytes } = await exportScorecard(f.db.prisma, f.actors.manager, parseScorecardQuery({ overdue: "1", cols: "name,overdue" }), { now });
    const table = (await read(bytes)).values("绩效看板");
    expect(table[1]![0]).toContain("筛选：仅逾期");
    expect(table.find((r) => r[0] === "2025年“两区”创新建设专项")).toEqual(["2025年“两区”创新建设专项", "2–12月（11个月）"]);
    // In March 2025 only January and February are due: 两区 owes February alone.
    const early = await getScorecard(f.db.prisma, f.actors.manager, parseScorecardQuery({ overdue: "1" }), { now: new Date("2025-03-11T00:00:00Z") });
    expect(early.table.rows.find((r) => r.sheetId === f.sheets.liangqu)?.overdueMonths).toEqual([2]);
    expect(early.table.totals.overdueSheets).toBe(early.table.total);
    const none = await getScorecard(f.db.prisma, f.actors.manager, parseScorecardQuery({ overdue: "1" }), { now: new Date("2025-02-10T15:00:00Z") });
    expect(none.table.rows).toEqual([]);
    expect(none.summary.overdueSheets).toBe(0);
  });
});
