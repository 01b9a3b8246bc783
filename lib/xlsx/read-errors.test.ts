import ExcelJS from "exceljs";
import type { CellValue } from "exceljs";
import { describe, expect, it } from "vitest";
import { readSheetsWorkbook } from "./read-workbook";
import { bufferOf, fill, lines } from "@/lib/testing/xlsx-workbook";

const options = { department: "乌鲁木齐市科学技术局", fiscalYear: 2025 };

const HEADER: Record<string, CellValue> = {
  "A1:I1": "项目支出绩效目标表",
  A2: "预算单位",
  "B2:I2": "乌鲁木齐市科学技术局",
  A3: "项目名称",
  "B3:F3": "2025年“两区”创新建设专项",
  G3: "项目负责人",
  "H3:I3": "冯先生",
  "A4:A5": "项目资金（万元）",
  "B4:C4": "年度预算总额",
  "D4:I4": 1600,
  "B5:C5": "其中：财政拨款",
  "D5:E5": 1600,
  "F5:G5": "其他资金",
  "H5:I5": 0,
  A6: "项目总体目标",
  "B6:I6": "发挥财政科技资金引导放大作用。",
  // row 7 blank
  A8: "一级指标",
  B8: "二级指标",
  C8: "三级指标",
  D8: "指标值",
  E8: "指标值设置依据",
  F8: "上年完成值",
  G8: "指标分值权重",
  H8: "指标赋分规则",
  I8: "佐证资料",
};

const row = (r: number, values: Array<CellValue>): Record<string, CellValue> =>
  Object.fromEntries(values.map((v, i) => [`${String.fromCharCode(65 + i)}${r}`, v]));

async function workbookWith(rows: Record<string, CellValue>, header: Record<string, CellValue> = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("两区专项"), { ...header, ...rows });
  return bufferOf(workbook);
}

async function problemsOf(buffer: Buffer): Promise<string[]> {
  const result = await readSheetsWorkbook(buffer, options);
  expect(result.ok).toBe(false);
  return result.ok ? [] : lines(result.problems);
}

const good = (r: number, name: string, weight: CellValue = 10) =>
  row(r, ["产出指标", "数量指标", name, "＞=3项", "计划标准", "3项", weight, "按照完成比例赋分", "说明材料"]);

describe("problems name worksheet, cell and field", () => {
  it("reports a weight written in words and an unparseable target, and returns no file", async () => {
    const buffer = await workbookWith({
      ...row(9, ["产出指标", "数量指标", "支持产业核心技术攻关项目数量", "＞=很多项", "计划标准", "3项", 10, "按照完成比例赋分", "说明材料"]),
      ...good(10, "支持重点产业领域数量"),
      ...good(11, "产业核心技术攻关项目申报知识产权数量"),
      ...good(12, "产业核心技术攻关项目形成中期检查报告", "十"),
    });
    expect(await problemsOf(buffer)).toEqual([
      "工作表「两区专项」单元格 D9 指标值：「＞=很多项」有比较符但没有可解析的数值",
      "工作表「两区专项」单元格 G12 指标分值权重：「十」不是数字",
    ]);
  });

  it("reports a row with a 三级指标 but no weight instead of skipping it", async () => {
    const buffer = await workbookWith({ ...good(9, "支持产业核心技术攻关项目数量"), ...good(10, "支持重点产业领域数量", null) });
    expect(await problemsOf(buffer)).toEqual(["工作表「两区专项」单元格 G10 指标分值权重：缺少分值"]);
  });

  it("reports a row with content but no 三级指标, at the cell to fill", async () => {
    const buffer = await workbookWith({
      ...good(9, "支持产业核心技术攻关项目数量"),
      ...row(10, [null, null, null, "＞=2个", "计划标准", "3个", 5, "直接赋分"]),
    });
    expect(await problemsOf(buffer)).toEqual(["工作表「两区专项」单元格 C10 三级指标：不能为空"]);
  });

  it("maps validation of the whole sheet back to cells: funds that do not add up, weights over 100", async () => {
    const buffer = await workbookWith({
      "D4:I4": "1,600.00",
      "D5:E5": "1,500.00",
      ...good(9, "支持产业核心技术攻关项目数量", 60),
      ...good(10, "支持重点产业领域数量", 50),
    });
    expect(await problemsOf(buffer)).toEqual([
      "工作表「两区专项」单元格 D4 年度预算总额：1600.00 不等于财政拨款 1500.00 + 其他资金 0.00",
      "工作表「两区专项」单元格 A8 指标表：指标分值权重合计 110.00 超过 100",
    ]);
  });

  it("reports an amount that is not a number and a header caption that is missing", async () => {
    const header = { ...HEADER, A2: "单位", "D4:I4": "一千六百万" };
    const buffer = await workbookWith(good(9, "支持产业核心技术攻关项目数量"), header);
    expect(await problemsOf(buffer)).toEqual([
      "工作表「两区专项」单元格 A1 预算单位：找不到「预算单位」一栏",
      "工作表「两区专项」单元格 D4 年度预算总额：「一千六百万」不是数字",
    ]);
  });

  it("reports the same project twice by where the first one is", async () => {
    const workbook = new ExcelJS.Workbook();
    fill(workbook.addWorksheet("甲"), { ...HEADER, ...good(9, "支持产业核心技术攻关项目数量") });
    fill(workbook.addWorksheet("乙"), { ...HEADER, ...good(9, "支持产业核心技术攻关项目数量") });
    expect(await problemsOf(await bufferOf(workbook))).toEqual(["工作表「乙」单元格 A1：与工作表「甲」单元格 A1 处的表的预算单位和项目名称重复"]);
  });

  it("reports an indicator table without a weight column", async () => {
    const header = { ...HEADER, G8: "备注" };
    const buffer = await workbookWith(good(9, "支持产业核心技术攻关项目数量"), header);
    expect(await problemsOf(buffer)).toEqual(["工作表「两区专项」单元格 C8 指标表：缺少「指标分值权重」列"]);
  });

  it("reports a sheet whose indicator table cannot be found", async () => {
    const header = Object.fromEntries(Object.entries(HEADER).filter(([k]) => !k.endsWith("8")));
    expect(await problemsOf(await workbookWith({}, header))).toEqual([
      "工作表「两区专项」单元格 A1：找不到指标表的表头（应有「三级指标」「指标值」「指标分值权重」等列）",
    ]);
  });

  it("reports a blank 预算单位 at the cell to fill in", async () => {
    const buffer = await workbookWith(good(9, "支持产业核心技术攻关项目数量"), { ...HEADER, "B2:I2": "  " });
    expect(await problemsOf(buffer)).toEqual(["工作表「两区专项」单元格 B2 预算单位：不能为空"]);
  });

  it("reports a 赋分规则 that is not one of the four", async () => {
    const buffer = await workbookWith({ ...good(9, "支持产业核心技术攻关项目数量"), H9: "按比例赋分" });
    expect(await problemsOf(buffer)).toEqual([
      "工作表「两区专项」单元格 H9 指标赋分规则：赋分规则应为 按照完成比例赋分、直接赋分、按评判等级赋分、满意度赋分 之一",
    ]);
  });

  it("rejects a file that is not a workbook", async () => {
    const result = await readSheetsWorkbook(Buffer.from("not a zip"), options);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/^不是有效的 Excel 工作簿（\.xlsx）/);
  });
});
