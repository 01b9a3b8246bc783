import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { idSchema, monthSchema, yearSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { monthLabel } from "@/lib/progress/labels";
import { findLeadSheets } from "@/lib/progress/list-my-todo";
import { buildProgressView, type ProgressView } from "@/lib/progress/progress-view";
import { loadSheetData, loadSheetDataMany } from "@/lib/progress/sheet-data";
import type { Workbook } from "@/lib/xlsx";
import { shortSheetName } from "@/lib/xlsx/worksheet-name";
import { type ProgressWorkbookSheet, writeProgressWorkbook } from "@/lib/xlsx/write-progress-workbook";

/** One sheet's month (from 进度填报): anyone who may read the sheet. */
export const oneSheetSchema = z.object({ sheetId: idSchema, month: monthSchema });
/** Every sheet the actor may fill in for the month of that year (from 我的项目). */
export const leadSheetsSchema = z.object({ year: yearSchema, month: monthSchema });
export type ExportProgressWorkbookInput = z.input<typeof oneSheetSchema> | z.input<typeof leadSheetsSchema>;

/** Why the month of a worksheet cannot be written now, in its own words; null when it can. */
function closedReason(view: ProgressView): string | null {
  if (view.permissions.edit) return null;
  const why =
    view.periodLock?.label ??
    (view.locked ? view.statusLabel : !view.sheet.published ? "未发布" : view.month > view.reportingMonth ? "尚未到来" : "无填报权限");
  return `注意：${view.monthLabel}当前不能填报（${why}），上传时将不予写入`;
}

export function worksheetOf(view: ProgressView): ProgressWorkbookSheet {
  return {
    sheetId: view.sheet.id,
    name: view.sheet.name,
    unit: view.sheet.unit,
    lead: view.sheet.lead,
    year: view.sheet.year,
    month: view.month,
    timeProgress: view.timeProgress,
    monthVersion: view.monthVersion,
    executed: view.budget.executed,
    fullYearBudget: view.budget.fullYear,
    closed: closedReason(view),
    rows: view.rows.map((r) => ({
      indicatorId: r.indicatorId,
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      targetRaw: r.targetRaw,
      unit: r.unit,
      measureTypeLabel: r.measureTypeLabel,
      qualitative: r.qualitative,
      previous: r.previousValue,
      version: r.entry.version,
      entry: {
        value: r.entry.value,
        likelihood: r.entry.likelihood,
        forecast: r.entry.forecast,
        deviationReason: r.entry.deviationReason,
        improvement: r.entry.improvement,
      },
    })),
  };
}

/**
 * The month's 进度填报工作簿 (lib/xlsx/progress-layout.ts): for one sheet, or for every sheet the lead may fill
 * in that month (one worksheet each). Nothing to fill in is refused with a sentence, not an empty workbook.
 */
export async function exportProgressWorkbook(
  prisma: PrismaClient,
  actor: Actor,
  input: ExportProgressWorkbookInput,
  options: { now?: Date } = {},
): Promise<Workbook> {
  const now = options.now ?? new Date();
  if ("sheetId" in input) {
    const query = parseInput(oneSheetSchema, input);
    const sheet = await loadSheetData(prisma, query.sheetId);
    authorize(actor, { type: "sheet.read", sheet: sheet.scope });
    const view = buildProgressView(sheet, actor, query.month, now);
    return {
      filename: `${monthLabel(sheet.year, query.month)}进度填报-${shortSheetName(sheet.name)}.xlsx`,
      bytes: await writeProgressWorkbook([worksheetOf(view)]),
    };
  }
  const query = parseInput(leadSheetsSchema, input);
  const mine = (await findLeadSheets(prisma, actor)).filter((s) => s.fiscalYear.year === query.year);
  const views = (
    await loadSheetDataMany(
      prisma,
      mine.map((s) => s.id),
    )
  )
    .map((sheet) => buildProgressView(sheet, actor, query.month, now))
    .filter((view) => view.permissions.edit);
  const label = monthLabel(query.year, query.month);
  if (views.length === 0) throw new AppError("NOT_FOUND", `没有可填报${label}进度的项目（月份尚未到来、已提交或已锁定）`);
  return { filename: `${label}进度填报（${views.length}个项目）.xlsx`, bytes: await writeProgressWorkbook(views.map(worksheetOf)) };
}
