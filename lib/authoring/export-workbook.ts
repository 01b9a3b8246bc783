import "server-only";
import { z } from "zod";
import { idOf, yearSchema } from "@/lib/input";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { exportSheets } from "@/lib/sheets/export-sheets";
import { sheetScopeInclude, toSheetScope } from "@/lib/sheets/sheet-scope";
import { interchangeInclude, toInterchangeSheet } from "@/lib/sheets/to-interchange";
import { type Workbook, writeSheetsWorkbook, writeTemplateWorkbook } from "@/lib/xlsx";

export const exportWorkbookSchema = z.union([
  z.object({ sheetId: idOf("绩效目标表编号无效") }),
  z.object({
    year: yearSchema,
    department: z.string().trim().min(1).optional(),
  }),
]);
export type ExportWorkbookInput = z.input<typeof exportWorkbookSchema>;

/** Characters Windows does not allow in a file name. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 120);

/**
 * 导出Excel, in the official layout that import reads back. One sheet: whoever may read it
 * (`sheet.read`: a lead their own sheets too). A whole year: `sheets.export` (not leads), only the
 * sheets the actor may see, one worksheet per sheet in document order.
 */
export async function exportWorkbook(prisma: PrismaClient, actor: Actor, input: ExportWorkbookInput): Promise<Workbook> {
  const data = parseInput(exportWorkbookSchema, input);
  if ("sheetId" in data) {
    const sheet = await prisma.targetSheet.findUnique({
      where: { id: data.sheetId },
      include: {
        ...interchangeInclude,
        ...sheetScopeInclude,
        unit: { select: { name: true, departmentId: true, department: { select: { name: true } } } },
        fiscalYear: { select: { year: true } },
      },
    });
    if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
    authorize(actor, { type: "sheet.read", sheet: toSheetScope(sheet) });
    const year = sheet.fiscalYear.year;
    const bytes = await writeSheetsWorkbook({ department: sheet.unit.department.name, fiscalYear: year, sheets: [toInterchangeSheet(sheet)] });
    const name = sheet.name.includes(`${year}年`) ? sheet.name : `${year}年${sheet.name}`;
    return { filename: `${safeName(name)}.xlsx`, bytes };
  }
  const file = await exportSheets(prisma, actor, { year: data.year, department: data.department });
  if (file.sheets.length === 0) throw new AppError("NOT_FOUND", `${data.year}年没有您可导出的绩效目标表`);
  return { filename: `${data.year}年绩效目标表.xlsx`, bytes: await writeSheetsWorkbook(file) };
}

/** 下载空白模板: the blank 项目支出绩效目标表 with its notes; any signed-in user. */
export async function templateWorkbook(): Promise<Workbook> {
  return { filename: "项目支出绩效目标表（模板）.xlsx", bytes: await writeTemplateWorkbook() };
}
