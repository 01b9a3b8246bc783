import { AppError } from "@/lib/errors";
import { validateGrade } from "@/lib/scoring/bands";
import { Decimal } from "@/lib/scoring/decimal";
import { validateDeduction } from "@/lib/scoring/deduction";
import { scoreSheet } from "@/lib/scoring/sheet-score";
import type { RowInput, SheetScore } from "@/lib/scoring/types";
import { isQuantitative } from "@/lib/targets/types";
import type { EvaluationData, EvaluationRowData, IndicatorData, SheetEvaluationData } from "./evaluation-data";
import { BAND_OF } from "./labels";
import { type RowValues, toRowInput } from "./row-checks";

/** A row's values as the engine should see them (stored, or prefilled for the form). */
export interface ScoredValues {
  actual: string | null;
  band: EvaluationRowData["band"];
  gradeScore: string | null;
  deductionPoints: string | null;
  deductionReason: string;
}

export const NO_VALUES: ScoredValues = { actual: null, band: null, gradeScore: null, deductionPoints: null, deductionReason: "" };

/**
 * The engine's input for a row. A stored grade that no longer fits its band (the row's weight was adjusted after
 * grading) or a deduction without reason is left out, so the row shows as pending, and said in `issues`.
 */
export interface ValueIssue {
  field: "gradeScore" | "deductionReason";
  message: string;
}

export function rowInputOf(indicator: IndicatorData, values: ScoredValues, issues: ValueIssue[]): RowInput {
  const weight = new Decimal(indicator.weight);
  let grading: Pick<RowValues, "band" | "gradeScore"> = { band: null, gradeScore: null };
  if (values.band !== null && values.gradeScore !== null) {
    const band = BAND_OF[values.band];
    const check = validateGrade({ band, score: new Decimal(values.gradeScore) }, weight);
    if (check.ok) grading = { band, gradeScore: values.gradeScore };
    else issues.push({ field: "gradeScore", message: `${check.error}，请重新评分` });
  }
  let deductionPoints: string | null = null;
  if (values.deductionPoints !== null) {
    const check = validateDeduction({ points: new Decimal(values.deductionPoints), reason: values.deductionReason });
    if (check.ok) deductionPoints = values.deductionPoints;
    else issues.push({ field: "deductionReason", message: check.error });
  }
  const actual = values.actual !== null && isQuantitative(indicator.target) ? values.actual : null;
  return toRowInput(indicator, { actual, ...grading, deductionPoints, deductionReason: values.deductionReason });
}

export interface EvaluationScore {
  score: SheetScore;
  /** Problems of stored values, per indicator id. */
  issues: Map<number, ValueIssue[]>;
}

/** The scoring engine over a sheet with the given row values and 全年执行数. */
export function scoreWith(data: SheetEvaluationData, valuesOf: (indicator: IndicatorData) => ScoredValues, executed: string | null): EvaluationScore {
  const issues = new Map<number, ValueIssue[]>();
  const indicators = data.indicators.map((indicator) => {
    const list: ValueIssue[] = [];
    const input = rowInputOf(indicator, valuesOf(indicator), list);
    if (list.length > 0) issues.set(indicator.id, list);
    return input;
  });
  try {
    const score = scoreSheet({
      indicators,
      budget: { total: new Decimal(data.funds.total), adjustment: new Decimal(data.adjustment), executed: executed === null ? null : new Decimal(executed) },
      budgetExecutionWeight: data.budgetExecutionWeight === null ? null : new Decimal(data.budgetExecutionWeight),
    });
    return { score, issues };
  } catch (error) {
    // Weights over 100: the sheet cannot be scored on a 100-point scale until its targets are corrected.
    if (error instanceof RangeError) throw new AppError("INVALID", `「${data.name}」无法评分：${error.message}`);
    throw error;
  }
}

/** The stored values of an evaluation's row (none when the row was never saved). */
export const storedValues = (evaluation: EvaluationData | null, indicatorId: number): ScoredValues => {
  const row = evaluation?.rows.get(indicatorId);
  return row
    ? { actual: row.actual, band: row.band, gradeScore: row.gradeScore, deductionPoints: row.deductionPoints, deductionReason: row.deductionReason }
    : NO_VALUES;
};

/** Scores an evaluation as stored (nothing prefilled): what finalising records and the 自评表 prints. */
export const scoreStored = (data: SheetEvaluationData, evaluation: EvaluationData | null): EvaluationScore =>
  scoreWith(data, (i) => storedValues(evaluation, i.id), evaluation?.executed ?? null);

// ── Prefill from the year's progress ────────────────────────────────────────────────────────────────────

/** December's value, else the latest month's that has one. */
export function prefillActual(data: SheetEvaluationData, indicatorId: number): { value: string; month: number } | null {
  const points = (data.progress.get(indicatorId) ?? []).filter((p) => p.value !== null);
  const last = points.find((p) => p.month === 12) ?? points[points.length - 1];
  return last ? { value: last.value!, month: last.month } : null;
}

/** December's 执行数, else the latest month's. */
export function prefillExecuted(data: SheetEvaluationData): { value: string; month: number } | null {
  const months = data.executedByMonth;
  const last = months.find((m) => m.month === 12) ?? months[months.length - 1];
  return last ? { value: last.executed, month: last.month } : null;
}
