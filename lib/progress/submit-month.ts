import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError, type Problem } from "@/lib/errors";
import { LIGHT_LABELS } from "@/lib/scoring";
import { notifyMonth } from "@/lib/notifications/sheet-events";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { computeMonth } from "./compute-month";
import { idSchema, monthSchema, versionSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { monthLabel } from "./labels";
import { assertMonthVersion, writeMonth } from "./month-record";
import { buildProgressView, type ProgressView } from "./progress-view";
import { assertMonthOpen } from "./month-open";
import { loadSheetData, type SheetData } from "./sheet-data";

export const submitMonthSchema = z.object({
  sheetId: idSchema,
  month: monthSchema,
  /** The sheet-month's version the lead saw (0 while the month has no record). */
  version: versionSchema,
});
export type SubmitMonthInput = z.input<typeof submitMonthSchema>;

/**
 * What a month needs before it can be submitted (the rule, documented once):
 * - every indicator row has its 实际完成值 for the month (a number; 达成/部分达成/未达成 on qualitative rows) —
 *   a monthly report states where every indicator stands, and 0 is a valid value;
 * - the month's 执行数 is entered;
 * - every row whose light is not green (red, yellow or blue) has both 偏差原因 and 改进措施.
 * 完成目标可能性 and 全年预计完成值 are optional (the projection uses the current value where no forecast is given).
 */
export function submissionProblems(sheet: SheetData, month: number): Problem[] {
  const result = computeMonth(sheet, month);
  const problems: Problem[] = [];
  for (const row of result.rows) {
    const id = row.indicator.id;
    const name = `「${row.indicator.name}」`;
    if (row.current === null) {
      problems.push({ path: `indicators.${id}.value`, message: `${name}尚未填写实际完成值（截至${month}月）` });
      continue;
    }
    if (!row.needsExplanation) continue;
    const light = LIGHT_LABELS[row.light.light!];
    if (!row.entry?.deviationReason) problems.push({ path: `indicators.${id}.deviationReason`, message: `${name}为${light}，需填写偏差原因` });
    if (!row.entry?.improvement) problems.push({ path: `indicators.${id}.improvement`, message: `${name}为${light}，需填写改进措施` });
  }
  if (result.budget.executed === null) problems.push({ path: "executed", message: `尚未填写执行数（截至${month}月，万元）` });
  return problems;
}

/** A lead submits a draft or returned month for review; it is then locked for leads until returned or reopened. */
export async function submitMonth(prisma: PrismaClient, actor: Actor, input: SubmitMonthInput, options: { now?: Date } = {}): Promise<ProgressView> {
  const data = parseInput(submitMonthSchema, input);
  const now = options.now ?? new Date();
  return writeSheet(
    prisma,
    actor,
    { sheetId: data.sheetId, action: "month.submit", load: loadSheetData },
    async (sheet, write) => {
      const { tx } = write;
      await assertMonthOpen(tx, sheet.id, data.month, now);
      await assertMonthVersion(tx, sheet, data.month, data.version);
      const problems = submissionProblems(sheet, data.month);
      if (problems.length > 0) throw new AppError("INVALID", `${monthLabel(sheet.year, data.month)}还不能提交，请先补充以下内容`, problems);
      const { version } = await writeMonth(
        write,
        sheet,
        data.month,
        { status: "SUBMITTED", submittedAt: now, submittedById: actorId(actor), reviewComment: "", reviewedAt: null, reviewedById: null },
        "month.submit",
      );
      await notifyMonth(tx, { type: "MONTH_SUBMITTED", sheetId: sheet.id, month: data.month, version, comment: "", actor, at: now });
      return buildProgressView(await loadSheetData(tx, sheet.id), actor, data.month, now);
    },
    { now },
  );
}
