import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { assertPeriodOpen } from "@/lib/fiscal-years/assert-period-open";
import { notifyMonth } from "@/lib/notifications/sheet-events";
import { type SheetWrite, writeSheet } from "@/lib/sheets/write-sheet";
import { idSchema, monthSchema, textOf, TEXT_MAX, versionSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { MONTH_STATUS_LABEL, monthLabel } from "./labels";
import { assertMonthVersion, writeMonth } from "./month-record";
import { buildProgressView, type ProgressView } from "./progress-view";
import { loadSheetData, type SheetData } from "./sheet-data";

export const reviewMonthSchema = z
  .object({
    sheetId: idSchema,
    month: monthSchema,
    version: versionSchema,
    decision: z.enum(["approve", "return"], { error: "审核结果应为 审核通过 或 退回" }),
    /** Required when returning: what the lead must fix. Optional when approving. */
    comment: textOf("审核意见", { max: TEXT_MAX.reason, multiline: true }).default(""),
  })
  .refine((v) => v.decision !== "return" || v.comment !== "", { path: ["comment"], message: "退回时请填写退回意见" });
export type ReviewMonthInput = z.input<typeof reviewMonthSchema>;

/** A manager approves a submitted month (locking it for leads) or returns it with a comment. */
export async function reviewMonth(prisma: PrismaClient, actor: Actor, input: ReviewMonthInput, options: { now?: Date } = {}): Promise<ProgressView> {
  const data = parseInput(reviewMonthSchema, input);
  const now = options.now ?? new Date();
  return writeSheet(
    prisma,
    actor,
    { sheetId: data.sheetId, action: "month.review", load: loadSheetData },
    async (sheet, write) => {
      await reviewLockedMonth(sheet, write, data);
      return buildProgressView(await loadSheetData(write.tx, sheet.id), actor, data.month, now);
    },
    { now },
  );
}

/**
 * The review of one month inside its write (the sheet locked and read afresh): the state, period-lock and version
 * checks, the month's change with its audit entry, and the notification. Bulk approval (approve-months.ts) runs
 * exactly this for each month, so a month approved in bulk is checked and recorded as a single approval.
 */
export async function reviewLockedMonth(
  sheet: SheetData,
  write: SheetWrite,
  data: Pick<z.output<typeof reviewMonthSchema>, "month" | "version" | "decision" | "comment">,
): Promise<void> {
  const { tx, actor, now } = write;
  const status = sheet.months.get(data.month)?.status ?? "DRAFT";
  if (status !== "SUBMITTED") {
    throw new AppError("CONFLICT", `${monthLabel(sheet.year, data.month)}当前为「${MONTH_STATUS_LABEL[status]}」，只有已提交的月份可以审核`);
  }
  // Returning hands the month back to the lead, which a period lock forbids; approving a month submitted
  // before the lock only confirms what is frozen (lib/fiscal-years/period-lock.ts), so it stays allowed.
  if (data.decision === "return") await assertPeriodOpen(tx, sheet.id, data.month, "退回");
  await assertMonthVersion(tx, sheet, data.month, data.version);
  const { version } = await writeMonth(
    write,
    sheet,
    data.month,
    { status: data.decision === "approve" ? "APPROVED" : "RETURNED", reviewComment: data.comment, reviewedAt: now, reviewedById: actorId(actor) },
    data.decision === "approve" ? "month.approve" : "month.return",
  );
  const type = data.decision === "approve" ? "MONTH_APPROVED" : "MONTH_RETURNED";
  await notifyMonth(tx, { type, sheetId: sheet.id, month: data.month, version, comment: data.comment, actor, at: now });
}
