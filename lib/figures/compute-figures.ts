import {
  budgetLight,
  Decimal,
  fmt2,
  fullYearBudget,
  isScoringRule,
  LIGHT_LABELS,
  type Light,
  type LightResult,
  PENDING_LIGHT_LABEL,
  projectedTotal,
  projectionOrError,
  type QualitativeStatus,
  type RowScore,
  rowSignal,
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
 * The in-year rule (docs/monitoring.md) at a month N (1–12) — the one rule of every light a page or an export shows
 * for a sheet and month (the scorecard, 运行监控 and 进度填报 all call computeSignals):
 * - each row's light compares its latest value entered up to N with the time progress N/12 (a count reported in
 *   June and not since is measured against July's 7/12 in July: a late report falls behind), and knows the row's
 *   projected score (lib/scoring rowSignal: never 正常 beside a projected 0);
 * - the projection uses the forecast of that latest entry where given, else its value;
 * - the budget uses the latest 执行数 up to N and 全年预算数 = 年度预算总额 + adjustments in effect then;
 * - the sheet's light is its worst row's light (the budget's light is shown beside it).
 */

export interface SourceIndicator {
  id: number;
  name: string;
  target: Target;
  measureType: "CUMULATIVE" | "LEVEL";
  weight: Decimal;
  rule: string;
  /** The latest entry with a value up to the month measured. */
  latest: { month: number; value: Decimal | QualitativeStatus; forecast: Decimal | null } | null;
}

/** What a sheet's lights and projection at month N are computed from. */
export interface SignalsSource {
  /** N, 1–12. */
  month: number;
  fundsTotal: Decimal;
  /** Σ budget adjustments in effect at N. */
  adjustment: Decimal;
  budgetExecutionWeight: Decimal | null;
  indicators: SourceIndicator[];
  /** Latest 执行数 up to N. */
  executed: { month: number; amount: Decimal } | null;
}

export interface FiguresSource extends SignalsSource {
  sheetId: number;
  fiscalYearId: number;
  unitId: number;
  /** The sheet's place in its year's document (target_sheet.position): the scorecard's tie-break order. */
  position: number;
  kind: SheetKind;
  status: SheetStatus;
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
  position: number;
  kind: SheetKind;
  status: SheetStatus;
  month: number;
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
  light: LightResult;
  projected: RowScore;
}

export interface SheetSignals {
  month: number;
  rows: RowFigures[];
  /** The worst row's light, with the row(s) that decide it in the reason; 待填报 while no row has a value. */
  light: LightResult;
  budgetLight: LightResult;
  /** 全年预算数 in effect at N. */
  budget: Decimal;
  executed: Decimal | null;
  /** null while 待填报 (no row has a value), or when the weights cannot be scored (over 100: `projectionError`). */
  projected: SheetScore | null;
  projectionError: string | null;
}

export interface ComputedFigures extends SheetSignals {
  row: FiguresRow;
}

/** Every light and the projection of a sheet at month N (the rule above). */
export function computeSignals(source: SignalsSource): SheetSignals {
  const { month } = source;
  const rows: RowFigures[] = source.indicators.map((indicator) => {
    const latest = indicator.latest;
    const signal = rowSignal({
      target: indicator.target,
      weight: indicator.weight,
      rule: isScoringRule(indicator.rule) ? indicator.rule : "",
      measureType: indicator.measureType === "LEVEL" ? "level" : "cumulative",
      month,
      current: latest?.value ?? null,
      // A forecast is a number; qualitative rows have none.
      forecast: isQuantitative(indicator.target) ? (latest?.forecast ?? null) : null,
    });
    // A value carried from an earlier month says so: the light is still measured against N/12.
    const light = latest && latest.month < month ? { ...signal.light, reason: `沿用${latest.month}月的填报值：${signal.light.reason}` } : signal.light;
    return { indicator, light, projected: signal.projected };
  });

  const executed = source.executed?.amount ?? null;
  const budget = fullYearBudget({ total: source.fundsTotal, adjustment: source.adjustment });
  const { projected, projectionError } = projectionOrError(() =>
    projectedTotal(
      rows.map((r) => r.projected),
      { budget: { total: source.fundsTotal, adjustment: source.adjustment, executed }, budgetExecutionWeight: source.budgetExecutionWeight },
    ),
  );
  const light = worstLight(rows);
  const spent = budgetLight({ executed, budget, month });
  const carried = source.executed && source.executed.month < month;
  return {
    month,
    rows,
    light,
    budgetLight: carried ? { ...spent, reason: `沿用${source.executed!.month}月的执行数：${spent.reason}` } : spent,
    budget,
    executed,
    // A sheet with no indicator value up to N is 待填报: no projected score (not a 0 and 差), so averages and the
    // score distribution leave it out and count it apart.
    projected: light.light === null ? null : projected,
    projectionError,
  };
}

function worstLight(rows: RowFigures[]): LightResult {
  const light = sheetLight(rows.map((r) => r.light.light));
  if (light === null) {
    return { light: null, label: PENDING_LIGHT_LABEL, reason: rows.length === 0 ? "该表没有指标" : "尚未填报任何指标的完成值", progress: null };
  }
  const worst = rows.filter((r) => r.light.light === light);
  const first = worst[0]!;
  const more = worst.length > 1 ? `（另有 ${worst.length - 1} 项同为此灯）` : "";
  return { light, label: LIGHT_LABELS[light], reason: `取最差指标的预警：「${first.indicator.name}」${first.light.reason}${more}`, progress: null };
}

/** The stored figures of a sheet at month N: its signals plus what the scorecard filters, sorts and sums. */
export function computeFigures(source: FiguresSource): ComputedFigures {
  const signals = computeSignals(source);
  const { month, rows, projected, budget, executed } = signals;
  const count = (l: Light) => rows.filter((r) => r.light.light === l).length;

  const latestMonths = source.indicators.flatMap((i) => (i.latest ? [i.latest.month] : []));
  if (source.executed) latestMonths.push(source.executed.month);

  const projectedScore = projected ? fmt2(projected.total) : null;
  const finalScore = source.final ? fmt2(source.final.total) : null;
  const score = finalScore ?? projectedScore;
  const grade = source.final ? source.final.grade : (projected?.grade ?? null);

  return {
    ...signals,
    row: {
      sheetId: source.sheetId,
      fiscalYearId: source.fiscalYearId,
      unitId: source.unitId,
      position: source.position,
      kind: source.kind,
      status: source.status,
      month,
      latestMonth: latestMonths.length > 0 ? Math.max(...latestMonths) : null,
      indicatorCount: source.indicators.length,
      reportedCount: source.indicators.filter((i) => i.latest !== null).length,
      fundsTotal: fmt2(source.fundsTotal),
      budget: fmt2(budget),
      executed: executed === null ? null : fmt2(executed),
      executedMonth: source.executed?.month ?? null,
      executionRate: executed === null || !budget.gt(0) ? null : executed.times(100).div(budget).toFixed(2, Decimal.ROUND_HALF_UP),
      budgetLight: signals.budgetLight.light,
      budgetLightReason: signals.budgetLight.reason,
      light: signals.light.light,
      lightReason: signals.light.reason,
      redCount: count("red"),
      yellowCount: count("yellow"),
      greenCount: count("green"),
      blueCount: count("blue"),
      projectedScore,
      projectedGrade: projected?.grade ?? null,
      projectedComplete: projected?.complete ?? false,
      projectionError: signals.projectionError,
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
