import { type Decimal, fmt2, TWELVE, isAboveZero } from "./decimal";
import { assertMonth, classifyProgress, lightResult, pendingLight, type LightResult } from "./lights";

/** Budget light at month N: p = (executed / budget) ÷ (N/12), computed as executed × 12 ÷ (budget × N). */
export function budgetLight(input: { executed: Decimal | null | undefined; budget: Decimal; month: number }): LightResult {
  const { executed, budget, month } = input;
  assertMonth(month);
  if (executed === null || executed === undefined) return pendingLight("本月尚未填报执行数");
  if (!isAboveZero(budget)) return pendingLight("全年预算数为 0，无法计算执行进度");
  const p = executed.times(TWELVE).div(budget.times(month));
  const c = classifyProgress(p, false);
  return lightResult(c.light, `执行数 ${fmt2(executed)} ÷ (全年预算数 ${fmt2(budget)} × ${month}/12) = ${c.text}`, p);
}
