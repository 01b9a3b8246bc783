import { isQuantitative, isReverse, type Target } from "@/lib/targets/types";
import { Decimal, fmt2, fmtPlain, HUNDRED, ONE, isAboveZero } from "./decimal";

export const DEFAULT_OVER_ACHIEVEMENT_MARGIN = new Decimal("0.2");

/**
 * `A/T − 1 > margin` on positive rows with T > 0, tested as `A > T × (1 + margin)` so the common case
 * (A ≤ T) costs one comparison and no division.
 */
export function isOverAchieved(target: Target, T: Decimal | null, A: Decimal | null, margin: Decimal): boolean {
  if (!isQuantitative(target) || isReverse(target.op) || T === null || A === null || !isAboveZero(T)) return false;
  return A.gt(T) && A.gt(T.times(ONE.plus(margin)));
}

/** `；超额完成：完成值 12 / 指标值 6 − 1 = 100.00% > 20%，…` appended to the row explanation. */
export function overAchievementNote(T: Decimal, A: Decimal, margin: Decimal): string {
  const over = A.div(T).minus(ONE).times(HUNDRED);
  return `；超额完成：完成值 ${fmtPlain(A)} / 指标值 ${fmtPlain(T)} − 1 = ${fmt2(over)}% > ${fmtPlain(margin.times(HUNDRED))}%，请核查指标值是否设定偏低`;
}

/** A/T for showing an evaluator how far a quantitative row got; null where the ratio means nothing (T ≤ 0). */
export function completionRatio(T: Decimal, A: Decimal): Decimal | null {
  return isAboveZero(T) ? A.div(T) : null;
}
