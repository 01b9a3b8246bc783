import { scoreBudgetExecution } from "./budget";
import { type Decimal, ZERO } from "./decimal";
import { gradeOf } from "./grade";
import { scoreRow } from "./row-score";
import type { RowScore, ScoringOptions, SheetInput, SheetScore } from "./types";
import { resolveBudgetWeight } from "./weights";

/** A sheet's year-end score: rounded parts, their sum, the 等级 and whether anything is still pending. */
export function scoreSheet(input: SheetInput, options?: ScoringOptions): SheetScore {
  const n = input.indicators.length;
  const rows: RowScore[] = new Array<RowScore>(n);
  const weights = new Array<Decimal>(n);
  let total = ZERO;
  let complete = true;
  for (let i = 0; i < n; i++) {
    const row = scoreRow(input.indicators[i]!, options);
    rows[i] = row;
    weights[i] = row.max;
    if (row.score === null) complete = false;
    else total = total.plus(row.score);
  }
  const wb = resolveBudgetWeight(weights, input.budgetExecutionWeight);
  if (!wb.ok) throw new RangeError(wb.error);
  const budget = scoreBudgetExecution(input.budget, wb.weight);
  if (budget.score === null) complete = false;
  else total = total.plus(budget.score);
  return { rows, budget, total, grade: gradeOf(total), complete };
}
