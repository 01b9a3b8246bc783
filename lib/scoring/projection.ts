import { isQuantitative } from "@/lib/targets/types";
import { Decimal, round2 } from "./decimal";
import { isQualitativeStatus, type QualitativeStatus } from "./indicator-light";
import { scoreRow } from "./row-score";
import { totalSheet } from "./sheet-score";
import type { Band, BudgetInput, Grading, RowInput, RowScore, ScoringOptions, SheetScore } from "./types";

export interface ProjectionRow extends Pick<RowInput, "target" | "weight" | "rule"> {
  /** Latest year-to-date value (Decimal) or status (qualitative rows). */
  current?: Decimal | QualitativeStatus | null;
  /** 全年预计完成值, preferred over the current value where entered. */
  forecast?: Decimal | QualitativeStatus | null;
}

export interface ProjectionInput {
  indicators: readonly ProjectionRow[];
  budget: BudgetInput & { forecastExecuted?: Decimal | null };
  budgetExecutionWeight?: Decimal | null;
}

/**
 * A qualitative status stands in for the evaluator's band at year end. Points chosen inside each band:
 * 达成 → w (on track now, full marks is the natural expectation), 部分达成 → 0.7w (the middle of 0.6w–0.8w),
 * 未达成 → 0 (the cautious end, matching the red light: a projection should not hide a problem).
 */
const PROJECTED_BAND: Readonly<Record<QualitativeStatus, { band: Band; share: Decimal }>> = {
  达成: { band: "达成年度指标", share: new Decimal(1) },
  部分达成: { band: "部分达成年度指标并具有一定效果", share: new Decimal("0.7") },
  未达成: { band: "未达成年度指标且效果较差", share: new Decimal(0) },
};

/**
 * One row's year-end score if it ends as it stands (docs/monitoring.md): its forecast where entered, else its current
 * value. A quantitative 按评判等级赋分 row is projected with the proportional formula, the evaluator's usual yardstick.
 */
export function projectRow(row: ProjectionRow, options?: ScoringOptions): RowScore {
  const fromForecast = row.forecast !== null && row.forecast !== undefined;
  const value = fromForecast ? row.forecast : row.current;
  const source = fromForecast ? "预计值" : "当前值";
  if (value === null || value === undefined) return scoreRow({ target: row.target, weight: row.weight, rule: row.rule }, options);
  if (isQuantitative(row.target)) {
    if (isQualitativeStatus(value)) throw new RangeError("定量指标的完成值应为数值");
    const rule = row.rule === "按评判等级赋分" ? "按照完成比例赋分" : row.rule;
    return prefixed(scoreRow({ target: row.target, weight: row.weight, rule, actual: value }, options), `按${source} ${value.toFixed()} 推算：`);
  }
  if (!isQualitativeStatus(value)) throw new RangeError("定性指标的完成情况应为 达成、部分达成 或 未达成");
  const p = PROJECTED_BAND[value];
  const grading: Grading = { band: p.band, score: round2(row.weight.times(p.share)) };
  return prefixed(scoreRow({ target: row.target, weight: row.weight, rule: row.rule, grading }, options), `按${source}「${value}」推算：`);
}

const prefixed = (score: RowScore, prefix: string): RowScore => ({ ...score, explanation: prefix + score.explanation });

/** The year-end score if things end as they stand: every row by projectRow, the budget by its forecast where given. */
export function projectedSheetScore(input: ProjectionInput, options?: ScoringOptions): SheetScore {
  return projectedTotal(
    input.indicators.map((row) => projectRow(row, options)),
    input,
  );
}

/** The projected total from rows already projected by projectRow (the figures project each row once). */
export function projectedTotal(rows: RowScore[], input: Omit<ProjectionInput, "indicators">): SheetScore {
  const b = input.budget;
  const executed = b.forecastExecuted ?? b.executed ?? null;
  const result = totalSheet(rows, { budget: { total: b.total, adjustment: b.adjustment, executed }, budgetExecutionWeight: input.budgetExecutionWeight });
  if (b.forecastExecuted !== null && b.forecastExecuted !== undefined) {
    result.budget = { ...result.budget, explanation: `按预计全年执行数推算：${result.budget.explanation}` };
  }
  return result;
}

/**
 * The engine's projected score, or why there is none: with weights over 100 the engine refuses to score (a
 * RangeError), and the pages say why instead of showing a number. Shared by the sheet figures (lib/figures) and
 * the month's page (lib/progress/compute-month.ts).
 */
export function projectionOrError(project: () => SheetScore): { projected: SheetScore; projectionError: null } | { projected: null; projectionError: string } {
  try {
    return { projected: project(), projectionError: null };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { projected: null, projectionError: error.message };
  }
}
