import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { textOf, TEXT_MAX, yearSchema } from "@/lib/input";
import { lockMonthSchema } from "./input";
import { lockStateText } from "./period-lock";

export const setPeriodLockSchema = z.object({
  year: yearSchema,
  /** Months 1…throughMonth are locked; 0 unlocks the whole year. */
  throughMonth: lockMonthSchema,
  /** Required when the lock moves back (some months open again): why. Kept in the audit log. */
  reason: textOf("原因", { max: TEXT_MAX.reason, multiline: true }).default(""),
});
export type SetPeriodLockInput = z.input<typeof setPeriodLockSchema>;

export interface PeriodLockResult {
  year: number;
  before: number;
  after: number;
}

/**
 * 期间锁定: an admin locks months 1…N of a fiscal year for every sheet of it (`period.lock`), or moves the lock
 * back (`period.unlock`, with a reason) — e.g. to let a late report in. The rule: lib/fiscal-years/period-lock.ts.
 * One transaction; the row is taken FOR UPDATE, so writes that passed the check (they read it FOR SHARE) commit
 * before the lock does, and no write after it slips into the locked months.
 */
export async function setPeriodLock(prisma: PrismaClient, actor: Actor, input: SetPeriodLockInput): Promise<PeriodLockResult> {
  authorize(actor, { type: "period.lock" });
  const { year, throughMonth, reason } = parseInput(setPeriodLockSchema, input, "锁定设置有误");
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; locked: number }[]>`
      SELECT id, locked_through_month AS locked FROM fiscal_year WHERE year = ${year} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new AppError("NOT_FOUND", `没有${year}年`, [{ path: "year", message: `没有${year}年，请先新增年度` }]);
    if (throughMonth === current.locked) {
      const message = `${year}年已是「${lockStateText(current.locked)}」，未作更改`;
      throw new AppError("INVALID", message, [{ path: "throughMonth", message }]);
    }
    const unlocking = throughMonth < current.locked;
    if (unlocking && reason === "") {
      const message = "解除锁定（把锁定月份往回调）时请填写原因";
      throw new AppError("INVALID", message, [{ path: "reason", message }]);
    }
    await tx.fiscalYear.update({ where: { id: current.id }, data: { lockedThroughMonth: throughMonth } });
    await appendAudit(tx, actor, {
      action: unlocking ? "period.unlock" : "period.lock",
      entityType: "FiscalYear",
      entityId: current.id,
      before: { year, lockedThroughMonth: current.locked },
      after: { year, lockedThroughMonth: throughMonth, ...(reason ? { reason } : {}) },
    });
    return { year, before: current.locked, after: throughMonth };
  });
}
