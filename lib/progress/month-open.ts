import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MonthStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { isPeriodLocked, periodLockMessage } from "@/lib/fiscal-years/period-lock";
import { isLockedStatus, MONTH_STATUS_LABEL, monthLabel } from "./labels";
import { reportingMonth } from "@/lib/figures/reporting-month";

/**
 * The one rule of when a lead may change a sheet-month's in-year data (progress, 执行数, 调整预算, submission,
 * evidence upload and delete): the sheet is published, the month has begun (`now`, Beijing time), is neither
 * submitted nor approved, and lies outside the period an admin has locked. The page shows the same rule as
 * `ProgressView.permissions.edit`.
 *
 * `what` names the refused write in the messages (`上传佐证资料`); omitted, the progress wording (`填报`, `修改`).
 * One statement. Inside a transaction the fiscal year's row is read FOR SHARE, so an admin's period lock waits for
 * this change to commit instead of racing it (as assertPeriodOpen); a submission, review or reopening of the month
 * waits on the sheet's lock, which every write of a sheet holds (lib/sheets/write-sheet.ts).
 */
export async function assertMonthOpen(
  db: Pick<Prisma.TransactionClient, "$queryRaw">,
  sheetId: number,
  month: number,
  now: Date,
  what?: string,
): Promise<void> {
  const sheets = await db.$queryRaw<{ status: string; year: number; locked: number; monthStatus: MonthStatus | null }[]>`
    SELECT s.status::text AS status, y.year, y.locked_through_month AS locked,
           (SELECT sm.status::text FROM sheet_month sm WHERE sm.sheet_id = s.id AND sm.month = ${month}) AS "monthStatus"
      FROM target_sheet s JOIN fiscal_year y ON y.id = s.fiscal_year_id
     WHERE s.id = ${sheetId}
       FOR SHARE OF y`;
  const sheet = sheets[0];
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  if (sheet.status !== "PUBLISHED") throw new AppError("INVALID", `该绩效目标表尚未发布，发布后才能${what ?? "填报进度"}`);
  const label = monthLabel(sheet.year, month);
  if (month > reportingMonth(sheet.year, now)) throw new AppError("INVALID", `${label}尚未到来，还不能${what ?? "填报"}`);
  const status = sheet.monthStatus ?? "DRAFT";
  if (isLockedStatus(status)) {
    throw new AppError(
      "LOCKED",
      what === undefined
        ? `${label}${MONTH_STATUS_LABEL[status]}，已锁定，不能修改`
        : `${label}${status === "SUBMITTED" ? "已提交" : "已审核通过"}，不能再${what}`,
    );
  }
  if (isPeriodLocked(sheet.locked, month)) throw new AppError("LOCKED", periodLockMessage(sheet.year, sheet.locked, what ?? "修改"));
}
