import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { assertPeriodOpen } from "@/lib/fiscal-years/assert-period-open";
import { notifyMonth } from "@/lib/notifications/sheet-events";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { idSchema, monthSchema, textOf, TEXT_MAX, versionSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { MONTH_STATUS_LABEL, monthLabel } from "./labels";
import { assertMonthVersion, writeMonth } from "./month-record";
import { buildProgressView, type ProgressView } from "./progress-view";
import { loadSheetData } from "./sheet-data";

export const reopenMonthSchema = z.object({
  sheetId: idSchema,
  month: monthSchema,
  version: versionSchema,
  reason: textOf("重新开放原因", { max: TEXT_MAX.reason, multiline: true }).min(1, "请填写重新开放的原因"),
});
export type ReopenMonthInput = z.input<typeof reopenMonthSchema>;

/** A manager reopens an approved month: it goes back to the lead as returned, with the reason as the comment. */
export async function reopenMonth(prisma: PrismaClient, actor: Actor, input: ReopenMonthInput, options: { now?: Date } = {}): Promise<ProgressView> {
  const data = parseInput(reopenMonthSchema, input);
  const now = options.now ?? new Date();
  return writeSheet(
    prisma,
    actor,
    { sheetId: data.sheetId, action: "month.reopen", load: loadSheetData },
    async (sheet, write) => {
      const { tx } = write;
      const status = sheet.months.get(data.month)?.status ?? "DRAFT";
      if (status !== "APPROVED") {
        throw new AppError("CONFLICT", `${monthLabel(sheet.year, data.month)}当前为「${MONTH_STATUS_LABEL[status]}」，只有已通过的月份可以重新开放`);
      }
      // Reopening hands the month back to the lead, which a period lock forbids.
      await assertPeriodOpen(tx, sheet.id, data.month, "重新开放");
      await assertMonthVersion(tx, sheet, data.month, data.version);
      const { version } = await writeMonth(
        write,
        sheet,
        data.month,
        { status: "RETURNED", reviewComment: data.reason, reviewedAt: now, reviewedById: actorId(actor) },
        "month.reopen",
      );
      await notifyMonth(tx, { type: "MONTH_REOPENED", sheetId: sheet.id, month: data.month, version, comment: data.reason, actor, at: now });
      return buildProgressView(await loadSheetData(tx, sheet.id), actor, data.month, now);
    },
    { now },
  );
}
