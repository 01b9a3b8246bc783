import ExcelJS, { type CellValue } from "exceljs";
import { COL, type EntryField, EXECUTED_COL, ROW } from "@/lib/xlsx/progress-layout";

/**
 * Fills a downloaded 进度填报工作簿 as a lead would in Excel (tests and e2e): per worksheet, cells of rows found by
 * their 三级指标 name, and the 执行数 cell. A string is stored as text (a number typed into a text cell), a number
 * as a number. Protection does not stop exceljs, so tests may also change what a person could not (`hidden`).
 */
export interface WorksheetFill {
  rows?: Record<string, Partial<Record<EntryField, CellValue>>>;
  executed?: CellValue;
  /** Raw cells by address (`N6`: a hidden id), for tampering on purpose. */
  cells?: Record<string, CellValue>;
}

export async function fillProgressWorkbook(bytes: Uint8Array, fills: Record<string, WorksheetFill>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  for (const [name, fill] of Object.entries(fills)) {
    const worksheet = workbook.getWorksheet(name);
    if (!worksheet) throw new Error(`no worksheet ${name}: ${workbook.worksheets.map((w) => w.name).join(", ")}`);
    for (const [indicator, values] of Object.entries(fill.rows ?? {})) {
      let row = 0;
      for (let r = ROW.firstIndicator; r <= worksheet.rowCount; r++) if (worksheet.getCell(r, COL.name).value === indicator) row = r;
      if (row === 0) throw new Error(`no row ${indicator} in ${name}`);
      for (const [field, value] of Object.entries(values)) worksheet.getCell(row, COL[field as EntryField]).value = value ?? null;
    }
    if (fill.executed !== undefined) worksheet.getCell(ROW.executed, EXECUTED_COL).value = fill.executed;
    for (const [address, value] of Object.entries(fill.cells ?? {})) worksheet.getCell(address).value = value;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The worksheet names of a workbook, in order. */
export async function worksheetNames(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return workbook.worksheets.map((w) => w.name);
}
