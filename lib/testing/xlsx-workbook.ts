import ExcelJS from "exceljs";
import type { CellValue, Worksheet } from "exceljs";
import { formatProblem, type Problem } from "@/lib/errors";

/**
 * Test helper: builds a worksheet the way a person fills one in Excel, cell by cell, with merges given
 * as ranges (`"A10:A13"`; the value goes to the first cell). A range the sheet already merges (the
 * downloaded template merges its header cells) is not merged again.
 */
export function fill(worksheet: Worksheet, cells: Record<string, CellValue>): Worksheet {
  for (const [range, value] of Object.entries(cells)) {
    const [first] = range.split(":");
    if (range.includes(":") && !worksheet.getCell(first!).isMerged) worksheet.mergeCells(range);
    worksheet.getCell(first!).value = value;
  }
  return worksheet;
}

export async function bufferOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return workbook;
}

export const lines = (problems: Problem[]): string[] => problems.map(formatProblem);
