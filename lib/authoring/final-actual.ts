import Decimal from "decimal.js";
import type { GradeBand, QualitativeStatus } from "@/lib/generated/prisma/enums";
import { isQuantitative, type Target } from "@/lib/targets";

type Dec = { toString(): string } | null;

export interface FinalActualSource {
  target: Target;
  /** The row of the sheet's final (FINAL) evaluator evaluation, when the year has been evaluated. */
  evaluation?: { actual: Dec; band: GradeBand | null } | null;
  /** The indicator's in-year progress entries, any order. */
  progress: ReadonlyArray<{ month: number; value: Dec; qualitativeValue: QualitativeStatus | null }>;
}

const STATUS_WORD: Readonly<Record<QualitativeStatus | GradeBand, string>> = { ACHIEVED: "达成", PARTIAL: "部分达成", NOT_ACHIEVED: "未达成" };

/** `3.0000` with unit `项` → `3项`; `95.5` with `%` → `95.5%`. */
const withUnit = (value: { toString(): string }, unit: string) => `${new Decimal(value.toString()).toFixed()}${unit}`;

/**
 * The one place that says what a row achieved in its year, as 上年完成值 of next year's copy:
 *
 * 1. the actual of the year's final evaluator evaluation (a graded qualitative row: its band as
 *    达成 / 部分达成 / 未达成), when the year has been evaluated;
 * 2. else the latest progress value: the entry with the highest month that has a value, a count or
 *    rate with the target's unit (`3项`, `95%`), a qualitative row as 达成 / 部分达成 / 未达成;
 * 3. else `-`, as the document prints a missing value.
 */
export function finalActualOf(source: FinalActualSource): string {
  const { target, evaluation } = source;
  const quantitative = isQuantitative(target);
  if (evaluation) {
    if (quantitative && evaluation.actual !== null) return withUnit(evaluation.actual, target.unit);
    if (!quantitative && evaluation.band) return STATUS_WORD[evaluation.band];
  }
  const latest = [...source.progress].filter((e) => (quantitative ? e.value !== null : e.qualitativeValue !== null)).sort((a, b) => b.month - a.month)[0];
  if (!latest) return "-";
  return quantitative ? withUnit(latest.value!, target.unit) : STATUS_WORD[latest.qualitativeValue!];
}
