import { isReverse, type Comparator } from "@/lib/targets/types";
import { type Decimal, fmt2, fmtPlain, round2, TWO, ZERO, isAboveZero } from "./decimal";

export type FormulaMethod = "proportional" | "direct" | "satisfaction";

export interface FormulaResult {
  /** Rounded half-up to 2 decimals. */
  score: Decimal;
  met: boolean;
  explanation: string;
}

/**
 * docs/scoring.md quantitative formulas. Multiplying before dividing (`w × A ÷ T`) leaves a single rounding step,
 * the division, so a result that is exactly x.xx5 stays exact and rounds half-up as printed.
 */
export function scoreFormula(op: Comparator, T: Decimal, A: Decimal, w: Decimal, method: FormulaMethod): FormulaResult {
  const direct = method === "direct";
  const L = method === "satisfaction" ? "满意度" : "完成值";
  const a = fmtPlain(A);
  const t = fmtPlain(T);

  if (isReverse(op)) {
    const p = direct ? "直接赋分（反向指标）：" : "反向指标：";
    if (A.lte(T)) return full(w, `${p}${L} ${a} ≤ 指标值 ${t}`, direct);
    // With T ≤ 0 there is no proportional band between T and 2T: anything above the target misses it.
    if (direct || !isAboveZero(T)) return none(`${p}${L} ${a} > 指标值 ${t}`, direct);
    const twoT = T.times(TWO);
    if (A.gte(twoT)) return none(`${p}${L} ${a} ≥ 2 × 指标值 ${t}`, direct);
    const score = round2(w.times(twoT.minus(A)).div(T));
    return {
      score,
      met: false,
      explanation: `${p}${L} ${a} > 指标值 ${t}，${fmtPlain(w)} × (1 − (${a} − ${t}) / ${t}) = ${fmt2(score)}`,
    };
  }

  const p = direct ? "直接赋分：" : "";
  // "=0" means "none at all" (e.g. zero incidents): met only at or below zero.
  if (op === "=" && T.isZero()) {
    return A.lte(ZERO) ? full(w, `${p}指标值 =0，${L} ${a} ≤ 0`, direct) : none(`${p}指标值 =0，${L} ${a} > 0`, direct);
  }
  if (A.gte(T)) return full(w, `${p}${L} ${a} ≥ 指标值 ${t}`, direct);
  // With T ≤ 0 a ratio A/T is meaningless, so a positive row is all-or-nothing.
  if (direct || !isAboveZero(T)) return none(`${p}${L} ${a} < 指标值 ${t}`, direct);
  // A fallen growth rate (A ≤ 0) scores 0, never a negative score.
  if (!isAboveZero(A)) return none(`${L} ${a} ≤ 0`, false);
  const score = round2(w.times(A).div(T));
  return { score, met: false, explanation: `${L} ${a} / 指标值 ${t} × ${fmtPlain(w)} = ${fmt2(score)}` };
}

const full = (w: Decimal, why: string, direct: boolean): FormulaResult => {
  const score = round2(w);
  return { score, met: true, explanation: `${why}，${direct ? "达成，" : ""}得满分 ${fmt2(score)}` };
};

const none = (why: string, direct: boolean): FormulaResult => ({
  score: ZERO,
  met: false,
  explanation: `${why}，${direct ? "未达成，" : ""}得 0.00`,
});
