import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import type { InterchangeFile } from "@/lib/interchange/schema";
import { readableSheetsWhere } from "./sheet-scope";
import { interchangeInclude, toInterchangeSheet } from "./to-interchange";

/**
 * A department's sheets of one year in the interchange format, in document order. The department may
 * be omitted when only one department has sheets that year.
 */
export async function exportSheets(prisma: PrismaClient, actor: Actor, options: { year: number; department?: string }): Promise<InterchangeFile> {
  authorize(actor, { type: "sheets.export" });
  const sheets = await prisma.targetSheet.findMany({
    where: {
      AND: [
        { fiscalYear: { year: options.year } },
        options.department ? { unit: { department: { name: options.department } } } : {},
        readableSheetsWhere(actor),
      ],
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    include: { ...interchangeInclude, unit: { select: { name: true, department: { select: { name: true } } } } },
  });
  const departments = [...new Set(sheets.map((s) => s.unit.department.name))];
  if (departments.length > 1) {
    throw new AppError("INVALID", `${options.year}年有多个部门的绩效目标表（${departments.join("、")}），请指定部门`);
  }
  const department = options.department ?? departments[0];
  if (!department) throw new AppError("NOT_FOUND", `${options.year}年没有绩效目标表`);
  return { department, fiscalYear: options.year, sheets: sheets.map(toInterchangeSheet) };
}

/** The file's text: 2-space JSON with a final newline, the layout of the seed file. */
export const formatInterchange = (file: InterchangeFile): string => `${JSON.stringify(file, null, 2)}\n`;
