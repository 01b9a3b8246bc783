import ExcelJS from "exceljs";
import type { InterchangeFile } from "@/lib/interchange/schema";
import { writeDepartmentForm } from "./department-form";
import { DEPARTMENT_SHEET_NAME } from "./labels";
import { writeProjectForm } from "./project-form";
import { uniqueSheetNames } from "./worksheet-name";

/** A workbook ready to download: its name (e.g. `2025年绩效目标表.xlsx`) and its bytes. */
export interface Workbook {
  filename: string;
  bytes: Buffer;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "绩效目标管理";
  return workbook;
}

export const toBuffer = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

/** One worksheet per target sheet, each laid out like the printed form, readable by `readSheetsWorkbook`. */
export async function writeSheetsWorkbook(file: InterchangeFile): Promise<Buffer> {
  const workbook = newWorkbook();
  const names = uniqueSheetNames(file.sheets.map((s) => (s.kind === "department" ? DEPARTMENT_SHEET_NAME : s.name)));
  const year = `（${file.fiscalYear}年）`;
  file.sheets.forEach((sheet, i) => {
    const worksheet = workbook.addWorksheet(names[i]!);
    if (sheet.kind === "department") writeDepartmentForm(worksheet, sheet, year);
    else writeProjectForm(worksheet, sheet, year);
  });
  // A workbook needs a worksheet; an empty file gives an empty one, which reads back as "no sheets".
  if (file.sheets.length === 0) workbook.addWorksheet("绩效目标表");
  return toBuffer(workbook);
}
