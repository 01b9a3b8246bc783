import type { EvaluationRowView, EvaluationView } from "@/lib/evaluation/evaluation-view";
import { checkExecuted, checkRow, EMPTY_ROW, type RowField, type RowTyped, toRowInput } from "@/lib/evaluation/row-checks";
import { Decimal, fmt2 } from "@/lib/scoring/decimal";
import { completionRatio } from "@/lib/scoring/over-achievement";
import { scoreSheet } from "@/lib/scoring/sheet-score";
import type { SheetScore } from "@/lib/scoring/types";

/**
 * The evaluation form's values as the forms kit holds them (one string per path: `executed`,
 * `rows.<indicatorId>.<field>`), and the engine over them: the same checks and formulas the server runs, so
 * scores follow as they are typed and a value the server would refuse is marked before anything is sent.
 */

export const ROW_FIELDS: readonly RowField[] = ["actual", "band", "gradeScore", "deductionPoints", "deductionReason", "deviationReason"];

export const rowPath = (indicatorId: number, field: RowField) => `rows.${indicatorId}.${field}`;

/** What the page shows first: stored values, with actuals and 全年执行数 prefilled from the year's progress. */
export function initialValues(view: EvaluationView): Record<string, string> {
  const values: Record<string, string> = { executed: view.budget.executed };
  for (const row of view.rows) for (const field of ROW_FIELDS) values[rowPath(row.indicatorId, field)] = row.values[field];
  return values;
}

export function typedRow(values: Readonly<Record<string, string>>, indicatorId: number): RowTyped {
  const row = { ...EMPTY_ROW };
  for (const field of ROW_FIELDS) row[field] = values[rowPath(indicatorId, field)] ?? "";
  return row;
}

/** The save action's input: every row (the server writes only what differs from what it stores). */
export function saveInput(view: EvaluationView, values: Readonly<Record<string, string>>) {
  return {
    sheetId: view.sheet.id,
    version: view.evaluation.version,
    executed: values.executed ?? "",
    rows: view.rows.map((r) => ({ indicatorId: r.indicatorId, ...typedRow(values, r.indicatorId) })),
  };
}

const NO_VALUES = { actual: null, band: null, gradeScore: null, deductionPoints: null, deductionReason: "" };

export interface LiveScore {
  /** By path: what the server would refuse in what is typed now. */
  problems: Record<string, string>;
  score: SheetScore | null;
  /** A/T in %, 2 decimals, per row. */
  completion: (string | null)[];
}

export function liveScore(view: EvaluationView, values: Readonly<Record<string, string>>): LiveScore {
  const allowDeduction = view.mode !== "self";
  const problems: Record<string, string> = {};
  const completion: (string | null)[] = [];
  const inputs = view.rows.map((r: EvaluationRowView) => {
    const checked = checkRow(r, typedRow(values, r.indicatorId), { allowDeduction });
    for (const p of checked.problems) problems[rowPath(r.indicatorId, p.field)] ??= p.message;
    const input = toRowInput(r, checked.values ?? NO_VALUES);
    const T = "op" in r.target ? new Decimal(r.target.value) : null;
    const ratio = T !== null && input.actual ? completionRatio(T, input.actual) : null;
    completion.push(ratio ? fmt2(ratio.times(100)) : null);
    return input;
  });
  const e = checkExecuted(values.executed ?? "");
  if (!e.ok) problems.executed = e.message;
  let score: SheetScore | null = null;
  try {
    score = scoreSheet({
      indicators: inputs,
      budget: {
        total: new Decimal(view.budget.initial),
        adjustment: new Decimal(view.budget.adjustment),
        executed: e.ok && e.value !== null ? new Decimal(e.value) : null,
      },
      budgetExecutionWeight: new Decimal(view.budget.weight),
    });
  } catch {
    score = null;
  }
  return { problems, score, completion };
}
