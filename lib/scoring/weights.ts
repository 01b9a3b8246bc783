import { type Decimal, fmtPlain, HUNDRED, ZERO, isBelowZero } from "./decimal";

export type BudgetWeightCheck = { ok: true; weight: Decimal; indicatorTotal: Decimal } | { ok: false; error: string };

/**
 * W_b: the explicit budget-execution weight, else `100 − Σ indicator weights` (the seed's sheets sum to 90,
 * leaving 10). A sheet whose weights add up to more than 100 cannot be scored on a 100-point scale.
 */
export function resolveBudgetWeight(indicatorWeights: Iterable<Decimal>, explicit?: Decimal | null): BudgetWeightCheck {
  let sum = ZERO;
  for (const w of indicatorWeights) sum = sum.plus(w);
  if (explicit !== null && explicit !== undefined) {
    if (isBelowZero(explicit)) return { ok: false, error: `预算执行率权重 ${fmtPlain(explicit)} 不能为负数` };
    const all = sum.plus(explicit);
    if (all.gt(HUNDRED)) {
      return { ok: false, error: `指标分值权重合计 ${fmtPlain(sum)} + 预算执行率权重 ${fmtPlain(explicit)} = ${fmtPlain(all)}，超过 100` };
    }
    return { ok: true, weight: explicit, indicatorTotal: sum };
  }
  if (sum.gt(HUNDRED)) return { ok: false, error: `指标分值权重合计 ${fmtPlain(sum)}，超过 100` };
  return { ok: true, weight: HUNDRED.minus(sum), indicatorTotal: sum };
}
