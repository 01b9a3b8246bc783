import { type Decimal, fmt2, fmtPlain, HUNDRED, round2, ZERO, isAboveZero } from "./decimal";
import type { BudgetInput, BudgetScore } from "./types";

/** 全年预算数 = 年度预算总额 + in-year adjustment. */
export const fullYearBudget = (b: Pick<BudgetInput, "total" | "adjustment">): Decimal => (b.adjustment ? b.total.plus(b.adjustment) : b.total);

/**
 * Budget execution (docs/scoring.md): rate = executed / budget, score = min(rate × W_b, W_b).
 * The score is computed from the exact rate (`W_b × executed ÷ budget`), not from the rounded percentage.
 */
export function scoreBudgetExecution(input: BudgetInput, weight: Decimal): BudgetScore {
  const budget = fullYearBudget(input);
  const executed = input.executed ?? null;
  const base = { max: weight, budget, executed };
  if (executed === null) {
    return { ...base, status: "pending", rate: null, score: null, explanation: "待评：缺少全年执行数" };
  }
  if (!isAboveZero(budget)) {
    return { ...base, status: "pending", rate: null, score: null, explanation: "待评：全年预算数为 0，无法计算执行率" };
  }
  const rate = round2(executed.times(HUNDRED).div(budget));
  const e = fmt2(executed);
  const b = fmt2(budget);
  const head = `执行率 = 全年执行数 ${e} ÷ 全年预算数 ${b} = ${fmt2(rate)}%`;
  if (executed.gte(budget)) {
    const score = round2(weight);
    return { ...base, status: "scored", rate, score, explanation: `${head} ≥ 100%，得满分 ${fmt2(score)}` };
  }
  // Negative spending (a refund larger than spending) would otherwise give a negative score.
  const score = isAboveZero(executed) ? round2(weight.times(executed).div(budget)) : ZERO;
  return { ...base, status: "scored", rate, score, explanation: `${head}；得分 = ${fmtPlain(weight)} × ${e} ÷ ${b} = ${fmt2(score)}` };
}
