import { scoreBudgetExecution } from "./budget";
import { ZERO } from "./decimal";
import { gradeOf } from "./grade";
import { scoreRow } from "./row-score";
import type { RowScore, ScoringOptions, SheetInput, SheetScore } from "./types";
import { resolveBudgetWeight } from "./weights";

/** A sheet's year-end score: rounded parts, their sum, the 等级 and whether anything is still pending. */
export function scoreSheet(input: SheetInput, options?: ScoringOptions): SheetScore {
  return totalSheet(
    input.indicators.map((row) => scoreRow(row, options)),
    input,
  );
}

/**
 * The sheet's total from its already scored rows (the year-end score and the projection share it). Throws
 * RangeError when the weights leave no valid budget-execution weight.
 */
export function totalSheet(rows: RowScore[], input: Pick<SheetInput, "budget" | "budgetExecutionWeight">): SheetScore {
  const weights = rows.map((row) => row.max);
  let total = ZERO;
  let complete = true;
  for (const row of rows) {
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
