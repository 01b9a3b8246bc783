import { isQuantitative, type Target } from "@/lib/targets/types";
import { bandRange, formatBandRange, validateGrade } from "./bands";
import { type Decimal, fmt2, fmtPlain, HUNDRED, isAboveZero, isBelowZero, ZERO } from "./decimal";
import { validateDeduction } from "./deduction";
import { scoreFormula, type FormulaMethod } from "./formula";
import { completionRatio, DEFAULT_OVER_ACHIEVEMENT_MARGIN, isOverAchieved, overAchievementNote } from "./over-achievement";
import { targetValue } from "./target-value";
import type { RowInput, RowMethod, RowScore, ScoringOptions, ScoringRule } from "./types";

export const PENDING_ACTUAL = "待评：缺少实际完成值";
export const PENDING_GRADE = "待评：缺少评判等级";

/** Qualitative rows and every 按评判等级赋分 row are scored by an evaluator's band and points. */
export const isGraded = (target: Target, rule: ScoringRule | "" | null | undefined): boolean => rule === "按评判等级赋分" || !isQuantitative(target);

const formulaMethod = (rule: ScoringRule | "" | null | undefined): FormulaMethod =>
  rule === "直接赋分" ? "direct" : rule === "满意度赋分" ? "satisfaction" : "proportional";

/**
 * One row's year-end score (docs/scoring.md). Throws RangeError on input a form or the server should already have
 * refused (negative weight, grade outside its band, deduction without reason): scoring must not guess.
 */
export function scoreRow(input: RowInput, options?: ScoringOptions): RowScore {
  const { target, weight: w } = input;
  if (isBelowZero(w)) throw new RangeError(`指标分值权重 ${fmtPlain(w)} 不能为负数`);
  const graded = isGraded(target, input.rule);
  const method: RowMethod = graded ? "graded" : formulaMethod(input.rule);
  const A = input.actual ?? null;
  const T = isQuantitative(target) ? targetValue(target.value) : null;
  const margin = options?.overAchievementMargin ?? DEFAULT_OVER_ACHIEVEMENT_MARGIN;
  const overAchieved = isOverAchieved(target, T, A, margin);

  let base: Decimal;
  let met: boolean | null = null;
  let explanation: string;
  if (graded) {
    const grading = input.grading;
    if (!grading) return pending(method, w, overAchieved, PENDING_GRADE);
    const check = validateGrade(grading, w);
    if (!check.ok) throw new RangeError(check.error);
    base = check.score;
    explanation = `评判等级「${grading.band}」，评分 ${fmt2(base)}（区间 ${formatBandRange(bandRange(grading.band, w))}）`;
    // The completion ratio is shown to help the evaluator; it does not decide the score.
    if (T !== null && A !== null) {
      const ratio = completionRatio(T, A);
      if (ratio !== null) explanation += `；完成值 ${fmtPlain(A)} / 指标值 ${fmtPlain(T)} = ${fmt2(ratio.times(HUNDRED))}%`;
    }
  } else {
    if (A === null || T === null || !isQuantitative(target)) return pending(method, w, overAchieved, PENDING_ACTUAL);
    const r = scoreFormula(target.op, T, A, w, method as FormulaMethod);
    base = r.score;
    met = r.met;
    explanation = r.explanation;
  }
  if (overAchieved && T !== null && A !== null) explanation += overAchievementNote(T, A, margin);

  let score = base;
  let deduction: Decimal | null = null;
  if (input.deduction) {
    const d = validateDeduction(input.deduction);
    if (!d.ok) throw new RangeError(d.error);
    deduction = d.points;
    // Both parts are already rounded to 2 decimals, so the difference needs no further rounding.
    const after = base.minus(d.points);
    score = isAboveZero(after) ? after : ZERO;
    const clamp = isAboveZero(after) ? "" : `max(0, ${fmt2(base)} − ${fmt2(d.points)}) = `;
    explanation += `；扣分 ${fmt2(d.points)}（原因：${d.reason}），最终得分 ${clamp}${fmt2(score)}`;
  }
  return {
    status: "scored",
    method,
    max: w,
    baseScore: base,
    deduction,
    score,
    met,
    overAchieved,
    needsDeviationReason: score.lt(w),
    explanation,
  };
}

const pending = (method: RowMethod, w: Decimal, overAchieved: boolean, explanation: string): RowScore => ({
  status: "pending",
  method,
  max: w,
  baseScore: null,
  deduction: null,
  score: null,
  met: null,
  overAchieved,
  needsDeviationReason: false,
  explanation,
});
