import {
  budgetLight,
  Decimal,
  fmt2,
  fullYearBudget,
  indicatorLight,
  isScoringRule,
  type Light,
  type LightResult,
  PENDING_LIGHT_LABEL,
  projectedSheetScore,
  projectionOrError,
  type QualitativeStatus,
  type RowScore,
  type SheetScore,
  sheetLight,
} from "@/lib/scoring";
import type { SheetKind, SheetStatus } from "@/lib/generated/prisma/enums";
import { isQuantitative, type Target } from "@/lib/targets/types";

/**
 * A sheet's scorecard figures, computed from its rows by lib/scoring and nothing else. Pure: the loaders
 * (figures-source.ts) read the rows, this decides nothing a formula would. One definition serves the stored
 * figures, the from-scratch check and the sheet monitor, so they cannot disagree.
 *
 * The in-year rule (docs/monitoring.md), at the month `asOfMonth` (lib/figures/reporting-month.ts: the fiscal year's
 * current month, 12 once the year is over, 0 before it starts):
 * - each row's light compares its latest value entered up to that month with the time progress of that month
 *   (a count reported in June and not since is measured against July's 7/12 in July: a late report falls behind);
 * - the projection uses the forecast of that latest entry where given, else its value;
 * - the budget uses the latest 执行数 up to that month and 全年预算数 = 年度预算总额 + adjustments in effect then;
 * - the sheet's light is its worst row's light (the budget's light is shown beside it).
 */

export interface SourceIndicator {
  id: number;
  name: string;
  target: Target;
  measureType: "CUMULATIVE" | "LEVEL";
  weight: Decimal;
  rule: string;
  /** The latest entry with a value up to asOfMonth. */
  latest: { month: number; value: Decimal | QualitativeStatus; forecast: Decimal | null } | null;
}

export interface FiguresSource {
  sheetId: number;
  fiscalYearId: number;
  unitId: number;
  kind: SheetKind;
  status: SheetStatus;
  asOfMonth: number;
  fundsTotal: Decimal;
  /** Σ budget adjustments in effect at asOfMonth. */
  adjustment: Decimal;
  budgetExecutionWeight: Decimal | null;
  indicators: SourceIndicator[];
  /** Latest 执行数 up to asOfMonth. */
  executed: { month: number; amount: Decimal } | null;
  monthsSubmitted: number;
  monthsApproved: number;
  lastSubmittedMonth: number | null;
  lastApprovedMonth: number | null;
  /** The evaluator's FINAL evaluation, as it recorded the engine's total and grade. */
  final: { total: Decimal; grade: string } | null;
}

/** The stored columns of SheetFigures (less the bookkeeping ones). Decimals as exact strings. */
export interface FiguresRow {
  sheetId: number;
  fiscalYearId: number;
  unitId: number;
  kind: SheetKind;
  status: SheetStatus;
  asOfMonth: number;
  latestMonth: number | null;
  indicatorCount: number;
  reportedCount: number;
  fundsTotal: string;
  budget: string;
  executed: string | null;
  executedMonth: number | null;
  executionRate: string | null;
  budgetLight: Light | null;
  budgetLightReason: string;
  light: Light | null;
  lightReason: string;
  redCount: number;
  yellowCount: number;
  greenCount: number;
  blueCount: number;
  projectedScore: string | null;
  projectedGrade: string | null;
  projectedComplete: boolean;
  projectionError: string | null;
  finalScore: string | null;
  finalGrade: string | null;
  score: string | null;
  grade: string | null;
  scoreBucket: number | null;
  monthsSubmitted: number;
  monthsApproved: number;
  lastSubmittedMonth: number | null;
  lastApprovedMonth: number | null;
}

export interface RowFigures {
  indicator: SourceIndicator;
  /** null before the fiscal year starts (no month to measure against). */
  light: LightResult;
  projected: RowScore | null;
}

export interface ComputedFigures {
  row: FiguresRow;
  rows: RowFigures[];
  budgetLight: LightResult;
  projected: SheetScore | null;
}

const BEFORE_YEAR: LightResult = { light: null, label: PENDING_LIGHT_LABEL, reason: "年度尚未开始", progress: null };

export function computeFigures(source: FiguresSource): ComputedFigures {
  const month = source.asOfMonth;
  const rows: RowFigures[] = source.indicators.map((indicator) => ({
    indicator,
    light:
      month < 1
        ? BEFORE_YEAR
        : indicatorLight({
            target: indicator.target,
            measureType: indicator.measureType === "LEVEL" ? "level" : "cumulative",
            value: indicator.latest?.value ?? null,
            month,
          }),
    projected: null,
  }));

  const executed = source.executed?.amount ?? null;
  const budget = fullYearBudget({ total: source.fundsTotal, adjustment: source.adjustment });
  const budgetResult = month < 1 ? BEFORE_YEAR : budgetLight({ executed, budget, month });

  const { projected, projectionError } = projectionOrError(() =>
    projectedSheetScore({
      indicators: source.indicators.map((i) => ({
        target: i.target,
        weight: i.weight,
        rule: isScoringRule(i.rule) ? i.rule : "",
        current: i.latest?.value ?? null,
        // A forecast is a number; qualitative rows have none.
        forecast: isQuantitative(i.target) ? (i.latest?.forecast ?? null) : null,
      })),
      budget: { total: source.fundsTotal, adjustment: source.adjustment, executed },
      budgetExecutionWeight: source.budgetExecutionWeight,
    }),
  );
  projected?.rows.forEach((score, i) => {
    rows[i]!.projected = score;
  });

  const light = sheetLight(rows.map((r) => r.light.light));
  const count = (l: Light) => rows.filter((r) => r.light.light === l).length;
  const worst = light === null ? [] : rows.filter((r) => r.light.light === light);

  const latestMonths = source.indicators.flatMap((i) => (i.latest ? [i.latest.month] : []));
  if (source.executed) latestMonths.push(source.executed.month);

  const projectedScore = projected ? fmt2(projected.total) : null;
  const finalScore = source.final ? fmt2(source.final.total) : null;
  const score = finalScore ?? projectedScore;
  const grade = source.final ? source.final.grade : (projected?.grade ?? null);

  return {
    rows,
    budgetLight: budgetResult,
    projected,
    row: {
      sheetId: source.sheetId,
      fiscalYearId: source.fiscalYearId,
      unitId: source.unitId,
      kind: source.kind,
      status: source.status,
      asOfMonth: month,
      latestMonth: latestMonths.length > 0 ? Math.max(...latestMonths) : null,
      indicatorCount: source.indicators.length,
      reportedCount: source.indicators.filter((i) => i.latest !== null).length,
      fundsTotal: fmt2(source.fundsTotal),
      budget: fmt2(budget),
      executed: executed === null ? null : fmt2(executed),
      executedMonth: source.executed?.month ?? null,
      executionRate: executed === null || !budget.gt(0) ? null : executed.times(100).div(budget).toFixed(2, Decimal.ROUND_HALF_UP),
      budgetLight: budgetResult.light,
      budgetLightReason: budgetResult.reason,
      light,
      lightReason: worst.length === 0 ? lightlessReason(month, rows.length) : worstReason(worst),
      redCount: count("red"),
      yellowCount: count("yellow"),
      greenCount: count("green"),
      blueCount: count("blue"),
      projectedScore,
      projectedGrade: projected?.grade ?? null,
      projectedComplete: projected?.complete ?? false,
      projectionError,
      finalScore,
      finalGrade: source.final?.grade ?? null,
      score,
      grade,
      scoreBucket: score === null ? null : scoreBucket(new Decimal(score)),
      monthsSubmitted: source.monthsSubmitted,
      monthsApproved: source.monthsApproved,
      lastSubmittedMonth: source.lastSubmittedMonth,
      lastApprovedMonth: source.lastApprovedMonth,
    },
  };
}

/** 0–9: [0,10), [10,20) … [90,100]; a total of exactly 100 belongs to the top bucket. */
export function scoreBucket(score: Decimal): number {
  const b = score.div(10).floor().toNumber();
  return Math.max(0, Math.min(9, b));
}

function worstReason(worst: RowFigures[]): string {
  const first = worst[0]!;
  const more = worst.length > 1 ? `（另有 ${worst.length - 1} 项同为此灯）` : "";
  return `取最差指标的预警：「${first.indicator.name}」${first.light.reason}${more}`;
}

function lightlessReason(month: number, rows: number): string {
  if (month < 1) return "年度尚未开始";
  if (rows === 0) return "该表没有指标";
  return "尚未填报任何指标的完成值";
}
