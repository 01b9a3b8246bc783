import "server-only";
import Decimal from "decimal.js";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { loadEvaluationData } from "@/lib/evaluation/evaluation-data";
import { scoreStored } from "@/lib/evaluation/score-evaluation";
import { fmt2, type RowScore, timeProgress } from "@/lib/scoring";
import { monthLabel, QUALITATIVE_LABEL } from "@/lib/progress/labels";
import { formatTimeProgress, lightView, type LightView } from "@/lib/progress/progress-view";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { isQuantitative, isReverse } from "@/lib/targets/types";
import { measurableMonths, resolveAsOfMonth } from "@/lib/figures/as-of-month";
import { computeFigures } from "@/lib/figures/compute-figures";
import { type Db, loadFiguresSources } from "@/lib/figures/figures-source";
import { refreshStaleFigures } from "@/lib/figures/refresh-sheet-figures";
import { latestSubmittedMonth } from "./get-scorecard";

/**
 * 监控 view of one sheet: every row with its target, last year's value, latest value, progress, light, weight,
 * projected and final score with the engine's explanation, and its months for the charts; the budget's execution
 * month by month. The lights and the projection come from compute-figures.ts — the same function as the stored
 * scorecard figures —, the final scores from the evaluator's FINAL evaluation scored by the engine.
 */

export type ChartKind = "cumulative" | "level" | "reverse" | "qualitative";

export interface MonitorMonth {
  month: number;
  /** Year-to-date value entered for the month (plain decimal string) or 达成/部分达成/未达成; null when none. */
  value: string | null;
  /** For plotting only (never for display): the value as a JS number. */
  plot: number | null;
  /** What the time-progress line expects at the month end, plain decimal; null for qualitative rows. */
  expected: string | null;
  expectedPlot: number | null;
}

export interface ScoreView {
  max: string;
  /** null while pending. */
  score: string | null;
  explanation: string;
}

export interface MonitorRow {
  indicatorId: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  lastYear: string;
  unit: string;
  weight: string;
  rule: string;
  measureLabel: string;
  chart: ChartKind;
  /** The target as a number for the chart; null for qualitative rows. */
  targetPlot: number | null;
  latest: { month: number; monthLabel: string; value: string } | null;
  /** p of the light in %, 2 decimals (`34.29%`); null for pass/fail lights and pending rows. */
  progress: string | null;
  light: LightView;
  projected: ScoreView | null;
  final: ScoreView | null;
  months: MonitorMonth[];
}

export interface BudgetMonth {
  month: number;
  /** 执行数 entered for the month (cumulative), 2 decimals; null when none. */
  executed: string | null;
  executedPlot: number | null;
  /** 全年预算数 in effect that month. */
  budget: string;
  budgetPlot: number;
  /** 预算执行率 of the month, in %. */
  rate: string | null;
  /** 全年预算数 × N/12: spending on schedule. */
  expected: string;
  expectedPlot: number;
}

export interface SheetMonitor {
  sheet: { id: number; kind: "PROJECT" | "DEPARTMENT"; name: string; unit: string; lead: string; year: number; status: string };
  /** 截至月份 (as-of-month.ts): asked, else the scorecard's default for the year. */
  asOfMonth: number;
  asOfLabel: string;
  timeProgress: string;
  /** The months the 截至月份 picker offers. */
  months: { month: number; label: string }[];
  latestMonth: number | null;
  light: LightView;
  budgetLight: LightView;
  projected: { total: string; grade: string; complete: boolean; budget: ScoreView } | null;
  projectionError: string | null;
  final: { total: string; grade: string; budget: ScoreView } | null;
  rows: MonitorRow[];
  budget: { fundsTotal: string; budget: string; executed: string | null; executionRate: string | null; months: BudgetMonth[] };
  /** Links the actor may follow beyond the sheet's own pages (进度填报 and 自评表 are open to every reader). */
  links: { evaluate: boolean };
}

const scoreView = (s: RowScore | { max: Decimal; score: Decimal | null; explanation: string }): ScoreView => ({
  max: fmt2(s.max),
  score: s.score === null ? null : fmt2(s.score),
  explanation: s.explanation,
});

const plot = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());

export async function getSheetMonitor(db: Db, actor: Actor, sheetId: number, options: { now?: Date; month?: number } = {}): Promise<SheetMonitor> {
  const now = options.now ?? new Date();
  const scope = await loadSheetScope(db, sheetId);
  if (!scope) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: "sheet.read", sheet: scope });

  const { fiscalYear } = await db.targetSheet.findUniqueOrThrow({ where: { id: sheetId }, select: { fiscalYear: { select: { id: true, year: true } } } });
  const M = await monitorMonth(db, actor, fiscalYear, options.month, now);
  const [source] = await loadFiguresSources(db, [sheetId], [M]);
  const sheet = await db.targetSheet.findUnique({
    where: { id: sheetId },
    select: {
      id: true,
      kind: true,
      name: true,
      lead: true,
      status: true,
      fiscalYear: { select: { year: true } },
      unit: { select: { name: true } },
      indicators: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          level1: true,
          level2: true,
          name: true,
          targetRaw: true,
          lastYear: true,
          measureType: true,
          progressEntries: { select: { month: true, value: true, qualitativeValue: true } },
        },
      },
      months: { select: { month: true, executed: true } },
      budgetAdjustments: { select: { month: true, amount: true } },
    },
  });
  if (!sheet || !source) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  const year = sheet.fiscalYear.year;
  const computed = computeFigures(source);

  // The final evaluation, scored by the engine as the 自评表 prints it.
  let finalScore: ReturnType<typeof scoreStored>["score"] | null = null;
  const finalRows = new Map<number, RowScore>();
  if (source.final) {
    const data = await loadEvaluationData(db, sheetId);
    finalScore = scoreStored(data, data.evaluations.EVALUATOR).score;
    data.indicators.forEach((indicator, i) => finalRows.set(indicator.id, finalScore!.rows[i]!));
  }
  const details = new Map(sheet.indicators.map((i) => [i.id, i]));

  const rows: MonitorRow[] = computed.rows.map((r) => {
    const detail = details.get(r.indicator.id)!;
    const { target } = r.indicator;
    const quantitative = isQuantitative(target);
    const T = quantitative ? new Decimal(target.value) : null;
    const chart: ChartKind = !quantitative ? "qualitative" : isReverse(target.op) ? "reverse" : r.indicator.measureType === "LEVEL" ? "level" : "cumulative";
    const entries = new Map(detail.progressEntries.map((e) => [e.month, e]));
    const months: MonitorMonth[] = Array.from({ length: 12 }, (_, k) => {
      const m = k + 1;
      const e = entries.get(m);
      const value = quantitative ? (e?.value == null ? null : new Decimal(e.value.toString())) : null;
      const status = !quantitative && e?.qualitativeValue ? QUALITATIVE_LABEL[e.qualitativeValue] : null;
      const expected = T === null ? null : chart === "cumulative" ? T.times(timeProgress(m)) : T;
      return {
        month: m,
        value: value !== null ? value.toFixed() : status,
        plot: plot(value),
        expected: expected === null ? null : expected.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(),
        expectedPlot: plot(expected),
      };
    });
    const latest = r.indicator.latest;
    const finalRow = finalRows.get(r.indicator.id);
    return {
      indicatorId: r.indicator.id,
      level1: detail.level1,
      level2: detail.level2,
      name: r.indicator.name,
      targetRaw: detail.targetRaw,
      lastYear: detail.lastYear,
      unit: quantitative ? target.unit : "",
      weight: fmt2(r.indicator.weight),
      rule: r.indicator.rule,
      measureLabel: !quantitative ? "定性" : r.indicator.measureType === "LEVEL" ? "当期水平" : "累计值",
      chart,
      targetPlot: plot(T),
      latest: latest
        ? { month: latest.month, monthLabel: monthLabel(year, latest.month), value: typeof latest.value === "string" ? latest.value : latest.value.toFixed() }
        : null,
      progress: r.light.progress === null ? null : r.light.progress.times(100).toFixed(2, Decimal.ROUND_HALF_UP) + "%",
      light: lightView(r.light),
      projected: r.projected ? scoreView(r.projected) : null,
      final: finalRow ? scoreView(finalRow) : null,
      months,
    };
  });

  const adjustments = sheet.budgetAdjustments.map((a) => ({ month: a.month, amount: new Decimal(a.amount.toString()) }));
  const executedByMonth = new Map(sheet.months.filter((m) => m.executed !== null).map((m) => [m.month, new Decimal(m.executed!.toString())]));
  const budgetMonths: BudgetMonth[] = Array.from({ length: 12 }, (_, k) => {
    const m = k + 1;
    const budget = adjustments.filter((a) => a.month <= m).reduce((sum, a) => sum.plus(a.amount), source.fundsTotal);
    const executed = executedByMonth.get(m) ?? null;
    const expected = budget.times(timeProgress(m));
    return {
      month: m,
      executed: executed === null ? null : fmt2(executed),
      executedPlot: plot(executed),
      budget: fmt2(budget),
      budgetPlot: budget.toNumber(),
      rate: executed === null || !budget.gt(0) ? null : executed.times(100).div(budget).toFixed(2, Decimal.ROUND_HALF_UP),
      expected: fmt2(expected),
      expectedPlot: expected.toNumber(),
    };
  });

  const row = computed.row;
  return {
    sheet: { id: sheet.id, kind: sheet.kind, name: sheet.name, unit: sheet.unit.name, lead: sheet.lead, year, status: sheet.status },
    asOfMonth: M,
    asOfLabel: monthLabel(year, M),
    timeProgress: formatTimeProgress(M),
    months: measurableMonths(year, now).map((m) => ({ month: m, label: monthLabel(year, m) })),
    latestMonth: row.latestMonth,
    light: lightView(computed.light),
    budgetLight: lightView(computed.budgetLight),
    projected: computed.projected
      ? {
          total: fmt2(computed.projected.total),
          grade: computed.projected.grade,
          complete: computed.projected.complete,
          budget: scoreView(computed.projected.budget),
        }
      : null,
    projectionError: row.projectionError,
    final: source.final && finalScore ? { total: fmt2(source.final.total), grade: source.final.grade, budget: scoreView(finalScore.budget) } : null,
    rows,
    budget: { fundsTotal: row.fundsTotal, budget: row.budget, executed: row.executed, executionRate: row.executionRate, months: budgetMonths },
    links: { evaluate: can(actor, { type: "evaluation.write", sheet: scope }) || can(actor, { type: "evaluation.reopen", sheet: scope }) },
  };
}

/** The month asked when it can be measured, else the scorecard's default for the year (fresh figures first). */
async function monitorMonth(db: Db, actor: Actor, fiscalYear: { id: number; year: number }, asked: number | undefined, now: Date): Promise<number> {
  if (asked !== undefined && measurableMonths(fiscalYear.year, now).includes(asked)) return asked;
  await refreshStaleFigures(db, fiscalYear);
  return resolveAsOfMonth(undefined, fiscalYear.year, await latestSubmittedMonth(db, actor, fiscalYear.id), now);
}
