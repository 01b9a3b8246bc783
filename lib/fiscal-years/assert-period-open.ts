import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { isPeriodLocked, periodLockMessage } from "./period-lock";

/**
 * The check of the period lock for the writes of a sheet's in-year data that do not need the month open (return,
 * reopening; the others check it in assertMonthOpen's one statement, by the same rule of period-lock.ts): refuses
 * with LOCKED when `month` of the sheet's year lies inside the period an admin has locked. `what` ends the message
 * (`不能再退回`).
 *
 * Inside a transaction the fiscal year's row is read FOR SHARE: an admin's lock (an UPDATE of that row) waits
 * for the writes that passed this check to commit, and a write that starts after the lock committed sees it.
 */
export async function assertPeriodOpen(db: Pick<Prisma.TransactionClient, "$queryRaw">, sheetId: number, month: number, what = "修改"): Promise<void> {
  const rows = await db.$queryRaw<{ year: number; locked: number }[]>`
    SELECT y.year, y.locked_through_month AS locked
      FROM fiscal_year y JOIN target_sheet s ON s.fiscal_year_id = y.id
     WHERE s.id = ${sheetId}
       FOR SHARE OF y`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  if (isPeriodLocked(row.locked, month)) throw new AppError("LOCKED", periodLockMessage(row.year, row.locked, what));
}
