import type { Cell, CellValue, DataValidation, Worksheet } from "exceljs";
import { columnLetter } from "./grid";
import { AMOUNT_FORMAT, type CellStyle, FormWriter, TEXT_FORMAT } from "./form-writer";
import { fromCellNumber } from "./numbers";
import { newWorkbook, toBuffer } from "./write-workbook";
import { uniqueSheetNames } from "./worksheet-name";
import {
  captions,
  COL,
  ENTRY_FIELDS,
  type EntryField,
  EXECUTED_COL,
  FORMAT_MARK,
  HIDDEN_CAPTIONS,
  LAST_COL,
  LAST_VISIBLE_COL,
  LIKELIHOOD_CHOICES,
  MONTH_VERSION_COL,
  ORIGINAL_EXECUTED_COL,
  QUALITATIVE_CHOICES,
  ROW,
} from "./progress-layout";

/** What one worksheet shows: a sheet-month as the 进度填报 page has it (plain strings, no Decimal). */
export interface ProgressWorkbookSheet {
  sheetId: number;
  name: string;
  unit: string;
  lead: string;
  year: number;
  month: number;
  /** `58.33%（7/12）`. */
  timeProgress: string;
  /** The sheet-month's version (0: no record yet). */
  monthVersion: number;
  /** 执行数 at month end, 万元 (null: not entered). */
  executed: string | null;
  /** 全年预算数, 万元. */
  fullYearBudget: string;
  /** Why the month cannot be changed now (submitted, locked…): written on the worksheet; null when open. */
  closed: string | null;
  rows: ProgressWorkbookRow[];
}

export interface ProgressWorkbookRow {
  indicatorId: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  unit: string;
  measureTypeLabel: string;
  qualitative: boolean;
  /** Last month's value as the page shows it. */
  previous: string | null;
  /** The entry's version (0: none yet). */
  version: number;
  entry: Record<EntryField, string | null>;
}

const FILL_LOCKED = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF2F2F2" } };
const FILL_INPUT = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFFFFFFF" } };

/**
 * A number the cell can hold exactly is written as a number (Excel can add it up); anything else (more than 15
 * significant digits) as its text, which the reader takes as typed.
 */
function numberCell(value: string | null): CellValue {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) && fromCellNumber(n).eq(value) ? n : value;
}

const listValidation = (choices: readonly string[], title: string): DataValidation => ({
  type: "list" as const,
  allowBlank: true,
  formulae: [`"${choices.join(",")}"`],
  showErrorMessage: true,
  errorStyle: "stop" as const,
  errorTitle: title,
  error: `请从下拉列表中选择：${choices.join("、")}`,
});

/**
 * Adds a list validation over a range. Per-cell validations would be merged by exceljs into ranges that overlap
 * when rows pass 9 (it sorts addresses as text: I10 before I6), which Excel may repair away; a range is written
 * as given. `dataValidations` is exceljs's, missing from its typings.
 */
function validate(worksheet: Worksheet, range: string, validation: DataValidation): void {
  (worksheet as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(range, validation);
}

function input(cell: Cell): void {
  cell.protection = { locked: false };
  cell.fill = FILL_INPUT;
}

function writeWorksheet(worksheet: Worksheet, sheet: ProgressWorkbookSheet): void {
  const columns = captions(sheet.month);
  const form = new FormWriter(
    worksheet,
    columns.map((c) => c.width),
  );
  const grey = (row: number, col: number, value: CellValue, style: CellStyle = {}, toRow = row, toCol = col) => {
    form.put(row, col, value, style, toRow, toCol);
    for (let c = col; c <= toCol; c++) worksheet.getCell(row, c).fill = FILL_LOCKED;
  };

  form.put(ROW.title, 1, sheet.name, { bold: true, size: 14, align: "center", border: false }, ROW.title, LAST_VISIBLE_COL);
  form.put(
    ROW.info,
    1,
    `${sheet.year}年${sheet.month}月进度填报　预算单位：${sheet.unit}　项目负责人：${sheet.lead}　时间进度：${sheet.timeProgress}`,
    { border: false },
    ROW.info,
    LAST_VISIBLE_COL,
  );

  grey(ROW.executed, 1, `执行数（截至${sheet.month}月，万元）`, { bold: true }, ROW.executed, EXECUTED_COL - 1);
  form.put(ROW.executed, EXECUTED_COL, numberCell(sheet.executed), { align: "right", numFmt: AMOUNT_FORMAT });
  input(worksheet.getCell(ROW.executed, EXECUTED_COL));
  grey(ROW.executed, COL.unit, "全年预算数（万元）", {}, ROW.executed, COL.measureType);
  grey(ROW.executed, COL.previous, numberCell(sheet.fullYearBudget), { align: "right", numFmt: AMOUNT_FORMAT });
  form.put(ROW.executed, COL.value, sheet.closed ?? "", { border: false, bold: sheet.closed !== null }, ROW.executed, LAST_VISIBLE_COL);

  form.put(
    ROW.note,
    1,
    "填写说明：只填白色单元格（本月完成值、完成目标可能性、全年预计完成值、偏差原因、改进措施和执行数）；计数类指标填截至本月末的累计值，比率类填当前水平；" +
      "定性指标的完成值和完成目标可能性请从下拉列表中选择。保存后在系统“上传工作簿”中上传，预览无误后确认写入。",
    { border: false },
    ROW.note,
    LAST_VISIBLE_COL,
  );

  for (const c of columns) grey(ROW.header, c.col, c.caption, { bold: true, align: "center" });

  sheet.rows.forEach((row, i) => {
    const r = ROW.firstIndicator + i;
    grey(r, COL.level1, row.level1, { align: "center" });
    grey(r, COL.level2, row.level2, { align: "center" });
    grey(r, COL.name, row.name);
    grey(r, COL.target, row.targetRaw, { align: "center", numFmt: TEXT_FORMAT });
    grey(r, COL.unit, row.unit || "—", { align: "center" });
    grey(r, COL.measureType, row.qualitative ? "定性" : row.measureTypeLabel, { align: "center" });
    grey(r, COL.previous, row.qualitative ? row.previous : numberCell(row.previous), { align: "center" });

    form.put(r, COL.value, row.qualitative ? row.entry.value : numberCell(row.entry.value), { align: "center" });
    input(worksheet.getCell(r, COL.value));
    if (row.qualitative) validate(worksheet, `${columnLetter(COL.value)}${r}:${columnLetter(COL.value)}${r}`, listValidation(QUALITATIVE_CHOICES, "完成情况"));
    form.put(r, COL.likelihood, row.entry.likelihood, { align: "center" });
    input(worksheet.getCell(r, COL.likelihood));
    // A qualitative row has no forecast: its cell stays grey and locked.
    if (row.qualitative) grey(r, COL.forecast, null);
    else {
      form.put(r, COL.forecast, numberCell(row.entry.forecast), { align: "center" });
      input(worksheet.getCell(r, COL.forecast));
    }
    form.put(r, COL.deviationReason, row.entry.deviationReason ?? "");
    input(worksheet.getCell(r, COL.deviationReason));
    form.put(r, COL.improvement, row.entry.improvement ?? "");
    input(worksheet.getCell(r, COL.improvement));

    worksheet.getCell(r, COL.sheetId).value = sheet.sheetId;
    worksheet.getCell(r, COL.indicatorId).value = row.indicatorId;
    worksheet.getCell(r, COL.month).value = sheet.month;
    worksheet.getCell(r, COL.version).value = row.version;
    ENTRY_FIELDS.forEach((field, k) => {
      const cell = worksheet.getCell(r, COL.original + k);
      // As text, so what was downloaded compares exactly with what comes back.
      cell.numFmt = TEXT_FORMAT;
      cell.value = row.entry[field] ?? "";
    });
  });

  if (sheet.rows.length > 0) {
    const likelihood = columnLetter(COL.likelihood);
    const last = ROW.firstIndicator + sheet.rows.length - 1;
    validate(worksheet, `${likelihood}${ROW.firstIndicator}:${likelihood}${last}`, listValidation(LIKELIHOOD_CHOICES, "完成目标可能性"));
  }

  worksheet.getCell(ROW.title, COL.sheetId).value = FORMAT_MARK;
  worksheet.getCell(ROW.executed, COL.sheetId).value = sheet.sheetId;
  worksheet.getCell(ROW.executed, COL.month).value = sheet.month;
  worksheet.getCell(ROW.executed, MONTH_VERSION_COL).value = sheet.monthVersion;
  const original = worksheet.getCell(ROW.executed, ORIGINAL_EXECUTED_COL);
  original.numFmt = TEXT_FORMAT;
  original.value = sheet.executed ?? "";
  for (const [col, caption] of Object.entries(HIDDEN_CAPTIONS)) worksheet.getCell(ROW.header, Number(col)).value = caption;
  for (let c = COL.sheetId; c <= LAST_COL; c++) worksheet.getColumn(c).hidden = true;

  form.finish();
  worksheet.views = [{ state: "frozen", xSplit: COL.name, ySplit: ROW.header }];
}

/**
 * The month's 进度填报工作簿: one worksheet per sheet, named like the target-sheet exports. Each worksheet is
 * protected without a password, so only the input cells take typing; the hidden ids and versions let the upload
 * tell which record each row was based on.
 */
export async function writeProgressWorkbook(sheets: readonly ProgressWorkbookSheet[]): Promise<Buffer> {
  const workbook = newWorkbook();
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  for (const [i, sheet] of sheets.entries()) {
    const worksheet = workbook.addWorksheet(names[i]!);
    writeWorksheet(worksheet, sheet);
    await worksheet.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  return toBuffer(workbook);
}
