import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { COL, EXECUTED_COL, ROW } from "./progress-layout";
import { readProgressWorkbook } from "./read-progress-workbook";
import { type ProgressWorkbookRow, type ProgressWorkbookSheet, writeProgressWorkbook } from "./write-progress-workbook";

const row = (i: number, overrides: Partial<ProgressWorkbookRow> = {}): ProgressWorkbookRow => ({
  indicatorId: 100 + i,
  level1: "产出指标",
  level2: "数量指标",
  name: `指标${i}`,
  targetRaw: ">=3项",
  unit: "项",
  measureTypeLabel: "累计值",
  qualitative: false,
  previous: null,
  version: 0,
  entry: { value: null, likelihood: null, forecast: null, deviationReason: null, improvement: null },
  ...overrides,
});

const sheet = (rows: ProgressWorkbookRow[]): ProgressWorkbookSheet => ({
  sheetId: 7,
  name: "2025年科技创新券",
  unit: "某局",
  lead: "冯先生",
  year: 2025,
  month: 7,
  timeProgress: "58.33%（7/12）",
  monthVersion: 3,
  executed: "1000.5",
  fullYearBudget: "1600.00",
  closed: null,
  rows,
});

const rows = [
  row(0, { version: 2, previous: "1", entry: { value: "2.5", likelihood: "有可能", forecast: "3", deviationReason: "原因", improvement: "措施" } }),
  // More digits than a double holds: written as text, read back exactly.
  row(1, { entry: { value: "12345678901234.1234", likelihood: null, forecast: null, deviationReason: null, improvement: null } }),
  ...Array.from({ length: 9 }, (_, i) => row(i + 2)),
  row(11, {
    qualitative: true,
    unit: "",
    targetRaw: "有效推动",
    entry: { value: "部分达成", likelihood: null, forecast: null, deviationReason: null, improvement: null },
  }),
];

async function load(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe("the progress workbook", () => {
  it("reads back untouched exactly as written: ids, versions and every value as downloaded", async () => {
    const bytes = new Uint8Array(await writeProgressWorkbook([sheet(rows)]));
    const read = await readProgressWorkbook(bytes);
    expect(read.problems).toEqual([]);
    expect(read.sheets).toHaveLength(1);
    const [s] = read.sheets;
    expect(s).toMatchObject({ worksheet: "科技创新券", sheetId: 7, month: 7, monthVersion: 3, executed: { cell: "1000.5", original: "1000.5" } });
    expect(s!.rows).toHaveLength(12);
    for (const r of s!.rows) expect(r.cells).toEqual(r.original);
    expect(s!.rows[0]).toMatchObject({
      row: ROW.firstIndicator,
      indicatorId: 100,
      version: 2,
      cells: { value: "2.5", likelihood: "有可能", forecast: "3", deviationReason: "原因", improvement: "措施" },
    });
    expect(s!.rows[1]!.cells.value).toBe("12345678901234.1234");
    expect(s!.rows[11]!.cells).toMatchObject({ value: "部分达成", forecast: "" });
  });

  it("protects the worksheet, leaves only the input cells open, hides the ids and offers the lists over whole columns", async () => {
    const worksheet = await load(new Uint8Array(await writeProgressWorkbook([sheet(rows)])));
    const first = ROW.firstIndicator;
    expect((worksheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(worksheet.getCell(first, COL.value).protection?.locked).toBe(false);
    expect(worksheet.getCell(ROW.executed, EXECUTED_COL).protection?.locked).toBe(false);
    expect(worksheet.getCell(first, COL.name).protection?.locked).not.toBe(false);
    expect(worksheet.getCell(first + 11, COL.forecast).protection?.locked).not.toBe(false);
    for (let c = COL.sheetId; c <= COL.original + 4; c++) expect(worksheet.getColumn(c).hidden).toBe(true);
    expect(worksheet.getColumn(COL.improvement).hidden).toBe(false);
    // A number the cell holds exactly is a number (Excel adds it up); more digits stay text.
    expect(worksheet.getCell(first, COL.value).value).toBe(2.5);
    expect(worksheet.getCell(first + 1, COL.value).value).toBe("12345678901234.1234");
    const validations = (worksheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    // Read back, exceljs lists a range's validation per cell: every 完成目标可能性 cell, and the 定性 row's value.
    const likelihoodCells = Array.from({ length: 12 }, (_, i) => `I${first + i}`);
    expect(Object.keys(validations).sort()).toEqual([`H${first + 11}`, ...likelihoodCells].sort());
    for (const cell of likelihoodCells) expect(validations[cell]!.formulae).toEqual(['"确定能,有可能,完全不可能"']);
    expect(validations[`H${first + 11}`]!.formulae).toEqual(['"达成,部分达成,未达成"']);
  });

  it("one worksheet per sheet, named as the target-sheet exports name them", async () => {
    const read = await readProgressWorkbook(new Uint8Array(await writeProgressWorkbook([sheet(rows.slice(0, 1)), { ...sheet(rows.slice(0, 1)), sheetId: 8 }])));
    expect(read.sheets.map((s) => [s.worksheet, s.sheetId])).toEqual([
      ["科技创新券", 7],
      ["科技创新券(2)", 8],
    ]);
  });

  it("reads a person's typing as typed: text numbers, full-width digits, a percent cell", async () => {
    const bytes = new Uint8Array(await writeProgressWorkbook([sheet(rows)]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    ws.getCell(ROW.firstIndicator, COL.value).value = "１，６００．５";
    const percent = ws.getCell(ROW.firstIndicator + 2, COL.value);
    percent.value = 0.85;
    percent.numFmt = "0%";
    ws.getCell(ROW.firstIndicator + 3, COL.forecast).value = { richText: [{ text: "1," }, { text: "600" }] };
    ws.getCell(ROW.executed, EXECUTED_COL).value = "2,000";
    const read = await readProgressWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const s = read.sheets[0]!;
    expect(s.rows[0]!.cells.value).toBe("１，６００．５");
    expect(s.rows[2]!.cells.value).toBe("85%");
    expect(s.rows[3]!.cells.forecast).toBe("1,600");
    expect(s.executed).toEqual({ cell: "2,000", original: "1000.5" });
  });

  it("names a row typed below the indicators, and a workbook that is not its own", async () => {
    const bytes = new Uint8Array(await writeProgressWorkbook([sheet(rows.slice(0, 2))]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    workbook.worksheets[0]!.getCell(ROW.firstIndicator + 3, COL.value).value = 5;
    workbook.addWorksheet("备注").getCell("A1").value = "自己的笔记";
    const read = await readProgressWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read.skipped).toEqual(["备注"]);
    expect(read.problems).toEqual([
      {
        worksheet: "科技创新券",
        row: ROW.firstIndicator + 3,
        column: null,
        message: "这一行不是下载时的指标行，其中的内容不会写入；请把内容填在对应指标的行中",
      },
    ]);

    const other = new ExcelJS.Workbook();
    other.addWorksheet("Sheet1").getCell("A1").value = "x";
    const notOurs = await readProgressWorkbook(new Uint8Array(await other.xlsx.writeBuffer()));
    expect(notOurs.problems.map((p) => p.message)).toEqual([expect.stringContaining("不是本系统下载的进度填报工作簿")]);
  });
});
