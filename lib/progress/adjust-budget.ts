import "server-only";
import Decimal from "decimal.js";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { fmt2 } from "@/lib/scoring";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { idSchema, monthSchema, textOf, TEXT_MAX, typedNumberText } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { buildProgressView, type ProgressView } from "./progress-view";
import { asJson } from "@/lib/audit/as-json";
import { assertMonthOpen } from "./month-open";
import { parseAmount } from "./save-progress";
import { loadSheetData } from "./sheet-data";

export const adjustBudgetSchema = z.object({
  sheetId: idSchema,
  /** The month the adjustment takes effect (its light and every later month's use the new 全年预算数). */
  month: monthSchema,
  /** Signed change in 万元, as typed (`-50`, `１，２００`). */
  amount: typedNumberText,
  reason: textOf("调整原因", { max: TEXT_MAX.reason, multiline: true }).min(1, "请填写调整原因"),
});
export type AdjustBudgetInput = z.input<typeof adjustBudgetSchema>;

/**
 * 调整预算: a lead records an in-year change to the sheet's budget (万元, + or −, with a reason). Adjustments
 * are appended, never edited: a correction is another adjustment. 全年预算数 = 年度预算总额 + Σ adjustments must
 * stay above 0. The month must be open (begun, not submitted or approved).
 */
export async function adjustBudget(prisma: PrismaClient, actor: Actor, input: AdjustBudgetInput, options: { now?: Date } = {}): Promise<ProgressView> {
  const data = parseInput(adjustBudgetSchema, input);
  const now = options.now ?? new Date();
  const amount = parseAmount(data.amount, { label: "调整金额（万元）", limit: "amount", allowNegative: true });
  if (!amount.ok) throw new AppError("INVALID", amount.message, [{ path: "amount", message: amount.message }]);
  if (amount.value === null || new Decimal(amount.value).isZero()) {
    throw new AppError("INVALID", "请填写非零的调整金额", [{ path: "amount", message: "请填写非零的调整金额（增加为正数，减少为负数）" }]);
  }
  const value = new Decimal(amount.value);
  return writeSheet(
    prisma,
    actor,
    { sheetId: data.sheetId, action: "progress.write", load: loadSheetData },
    async (sheet, { tx, audit }) => {
      await assertMonthOpen(tx, sheet.id, data.month, now);
      const fullYear = sheet.adjustments.reduce((sum, a) => sum.plus(a.amount), sheet.fundsTotal).plus(value);
      if (!fullYear.gt(0)) {
        const message = `调整后全年预算数为 ${fmt2(fullYear)} 万元，应大于 0`;
        throw new AppError("INVALID", message, [{ path: "amount", message }]);
      }
      const created = await tx.budgetAdjustment.create({
        data: { sheetId: sheet.id, month: data.month, amount: value.toFixed(), reason: data.reason, createdById: actorId(actor) },
      });
      await audit({
        action: "budget.adjust",
        entityType: "BudgetAdjustment",
        entityId: created.id,
        before: null,
        after: asJson({ sheetId: sheet.id, month: data.month, amount: created.amount.toString(), reason: created.reason, fullYearBudget: fmt2(fullYear) }),
      });
      return buildProgressView(await loadSheetData(tx, sheet.id), actor, data.month, now);
    },
    { now },
  );
}
