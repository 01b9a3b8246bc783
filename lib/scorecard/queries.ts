import "server-only";
import Decimal from "decimal.js";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LightView } from "@/lib/progress/progress-view";
import type { Grade, Light } from "@/lib/scoring";
import type { Db } from "@/lib/figures/figures-source";
import { GRADES, LIGHT_FROM_DB, lightLabel } from "@/lib/figures/labels";

/**
 * The scorecard's reads of the per-sheet figures, shared by the page and the export. Sums, counts and averages are
 * one GROUP BY in the database (by unit, light, 等级 and score bucket — a few hundred groups at most), added up here
 * in exact decimals; rows are one paged SELECT plus one for the sheets' names.
 */

export interface ScorecardRow {
  sheetId: number;
  /** The month the row's figures measure (the scorecard's 截至月份). */
  month: number;
  kind: "PROJECT" | "DEPARTMENT";
  unitId: number;
  unit: string;
  name: string;
  lead: string;
  /** 年度预算总额 and 全年预算数 (with adjustments), 万元, 2 decimals. */
  fundsTotal: string;
  budget: string;
  /** Latest 执行数 (万元) and its month; null when none entered. */
  executed: string | null;
  executedMonth: number | null;
  /** 预算执行率 in %, 2 decimals. */
  executionRate: string | null;
  budgetLight: LightView;
  monthsSubmitted: number;
  lastSubmittedMonth: number | null;
  monthsApproved: number;
  lastApprovedMonth: number | null;
  light: LightView;
  indicatorCount: number;
  reportedCount: number;
  latestMonth: number | null;
  projected: { score: string; grade: string; complete: boolean } | null;
  projectionError: string | null;
  final: { score: string; grade: string } | null;
  /** Months not submitted by their deadline, as of now (lib/deadlines); filled by withOverdue, empty before. */
  overdueMonths: number[];
}

export type LightCounts = Record<Light | "none", number>;

/** Sums over a set of sheets (a unit's, or all that match the filters). */
export interface Subtotal {
  unitId: number | null;
  unit: string;
  sheets: number;
  fundsTotal: string;
  budget: string;
  executed: string;
  /** Σ 执行数 ÷ Σ 全年预算数, in %; null when the budget is 0. */
  executionRate: string | null;
  /** `none`: 待填报, no indicator value reported up to the month measured; such sheets have no projected score. */
  lights: LightCounts;
  /** Over the sheets with a projected score (待填报 ones have none) or a final evaluation. */
  averageProjected: string | null;
  averageFinal: string | null;
  /** Sheets whose evaluator's evaluation is final. */
  finalised: number;
  /** Sheets with a month 逾期 now. */
  overdueSheets: number;
}

export const emptyLights = (): LightCounts => ({ red: 0, yellow: 0, green: 0, blue: 0, none: 0 });

export interface Tally {
  sheets: number;
  fundsTotal: Decimal;
  budget: Decimal;
  executed: Decimal;
  projectedSum: Decimal;
  projectedCount: number;
  finalSum: Decimal;
  finalCount: number;
  lights: LightCounts;
  overdueSheets: number;
}

export const newTally = (): Tally => ({
  sheets: 0,
  fundsTotal: new Decimal(0),
  budget: new Decimal(0),
  executed: new Decimal(0),
  projectedSum: new Decimal(0),
  projectedCount: 0,
  finalSum: new Decimal(0),
  finalCount: 0,
  lights: emptyLights(),
  overdueSheets: 0,
});

export interface Summary {
  total: Tally;
  byUnit: Map<number, Tally>;
  grades: Record<Grade, number>;
  /** Sheets per score bucket 0–9. */
  buckets: Map<number, number>;
}

const dec = (v: { toString(): string } | null | undefined): Decimal => (v === null || v === undefined ? new Decimal(0) : new Decimal(v.toString()));

/**
 * Everything the cards, charts, subtotals and totals need about the sheets matching `where`, in one statement; and,
 * with `overdue` (those of them with a month 逾期), their count per unit in another.
 */
export async function summarize(db: Db, where: Prisma.SheetFiguresWhereInput, overdue?: Prisma.SheetFiguresWhereInput): Promise<Summary> {
  const [groups, late] = await Promise.all([
    db.sheetFigures.groupBy({
      by: ["unitId", "light", "finalGrade", "scoreBucket"],
      where,
      _count: { _all: true, projectedScore: true, finalScore: true },
      _sum: { fundsTotal: true, budget: true, executed: true, projectedScore: true, finalScore: true },
      orderBy: [{ unitId: "asc" }],
    }),
    overdue ? db.sheetFigures.groupBy({ by: ["unitId"], where: overdue, _count: { _all: true }, orderBy: [{ unitId: "asc" }] }) : [],
  ]);
  const total = newTally();
  const byUnit = new Map<number, Tally>();
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const buckets = new Map<number, number>();
  for (const g of groups) {
    const unit = byUnit.get(g.unitId) ?? newTally();
    byUnit.set(g.unitId, unit);
    const n = g._count._all;
    for (const t of [total, unit]) {
      t.sheets += n;
      t.fundsTotal = t.fundsTotal.plus(dec(g._sum.fundsTotal));
      t.budget = t.budget.plus(dec(g._sum.budget));
      t.executed = t.executed.plus(dec(g._sum.executed));
      t.projectedSum = t.projectedSum.plus(dec(g._sum.projectedScore));
      t.projectedCount += g._count.projectedScore;
      t.finalSum = t.finalSum.plus(dec(g._sum.finalScore));
      t.finalCount += g._count.finalScore;
      t.lights[g.light === null ? "none" : LIGHT_FROM_DB[g.light]] += n;
    }
    if (g.finalGrade !== null && g.finalGrade in grades) grades[g.finalGrade as Grade] += n;
    if (g.scoreBucket !== null) buckets.set(g.scoreBucket, (buckets.get(g.scoreBucket) ?? 0) + n);
  }
  for (const g of late) {
    const unit = byUnit.get(g.unitId);
    if (unit) unit.overdueSheets += g._count._all;
    total.overdueSheets += g._count._all;
  }
  return { total, byUnit, grades, buckets };
}

const average = (sum: Decimal, count: number): string | null => (count === 0 ? null : sum.div(count).toFixed(2, Decimal.ROUND_HALF_UP));

export function toSubtotal(unitId: number | null, unit: string, t: Tally): Subtotal {
  return {
    unitId,
    unit,
    sheets: t.sheets,
    fundsTotal: t.fundsTotal.toFixed(2),
    budget: t.budget.toFixed(2),
    executed: t.executed.toFixed(2),
    executionRate: t.budget.gt(0) ? t.executed.times(100).div(t.budget).toFixed(2, Decimal.ROUND_HALF_UP) : null,
    lights: { ...t.lights },
    averageProjected: average(t.projectedSum, t.projectedCount),
    averageFinal: average(t.finalSum, t.finalCount),
    finalised: t.finalCount,
    overdueSheets: t.overdueSheets,
  };
}

export const emptySubtotal = (unit = "合计"): Subtotal => toSubtotal(null, unit, newTally());

/** Per-unit subtotals in unit order (the order of the grouped table). */
export const unitSubtotals = (summary: Summary, unitName: (id: number) => string): Subtotal[] =>
  [...summary.byUnit.entries()].sort(([a], [b]) => a - b).map(([id, t]) => toSubtotal(id, unitName(id), t));

const figuresSelect = {
  sheetId: true,
  month: true,
  kind: true,
  unitId: true,
  fundsTotal: true,
  budget: true,
  executed: true,
  executedMonth: true,
  executionRate: true,
  budgetLight: true,
  budgetLightReason: true,
  monthsSubmitted: true,
  lastSubmittedMonth: true,
  monthsApproved: true,
  lastApprovedMonth: true,
  light: true,
  lightReason: true,
  indicatorCount: true,
  reportedCount: true,
  latestMonth: true,
  projectedScore: true,
  projectedGrade: true,
  projectedComplete: true,
  projectionError: true,
  finalScore: true,
  finalGrade: true,
} satisfies Prisma.SheetFiguresSelect;

type FiguresRecord = Prisma.SheetFiguresGetPayload<{ select: typeof figuresSelect }>;

const str2 = (d: { toFixed(n: number): string } | null): string | null => (d === null ? null : d.toFixed(2));

function toRow(f: FiguresRecord, sheet: { name: string; lead: string }, unit: string): ScorecardRow {
  const light = f.light === null ? null : LIGHT_FROM_DB[f.light];
  const budgetLight = f.budgetLight === null ? null : LIGHT_FROM_DB[f.budgetLight];
  return {
    sheetId: f.sheetId,
    month: f.month,
    kind: f.kind,
    unitId: f.unitId,
    unit,
    name: sheet.name,
    lead: sheet.lead,
    fundsTotal: f.fundsTotal.toFixed(2),
    budget: f.budget.toFixed(2),
    executed: str2(f.executed),
    executedMonth: f.executedMonth,
    executionRate: str2(f.executionRate),
    budgetLight: { light: budgetLight, label: lightLabel(budgetLight), reason: f.budgetLightReason },
    monthsSubmitted: f.monthsSubmitted,
    lastSubmittedMonth: f.lastSubmittedMonth,
    monthsApproved: f.monthsApproved,
    lastApprovedMonth: f.lastApprovedMonth,
    light: { light, label: lightLabel(light), reason: f.lightReason },
    indicatorCount: f.indicatorCount,
    reportedCount: f.reportedCount,
    latestMonth: f.latestMonth,
    projected:
      f.projectedScore === null || f.projectedGrade === null
        ? null
        : { score: f.projectedScore.toFixed(2), grade: f.projectedGrade, complete: f.projectedComplete },
    projectionError: f.projectionError,
    final: f.finalScore === null || f.finalGrade === null ? null : { score: f.finalScore.toFixed(2), grade: f.finalGrade },
    overdueMonths: [],
  };
}

/** Figures rows (SELECT … ORDER BY … LIMIT), each with its sheet's name and lead (one more SELECT by id). */
export async function loadRows(
  db: Db,
  args: { where: Prisma.SheetFiguresWhereInput; orderBy: Prisma.SheetFiguresOrderByWithRelationInput[]; skip?: number; take?: number }[],
  unitName: (id: number) => string,
): Promise<ScorecardRow[][]> {
  const sets = await Promise.all(args.map((a) => db.sheetFigures.findMany({ ...a, select: figuresSelect })));
  const ids = [...new Set(sets.flat().map((f) => f.sheetId))];
  const sheets = ids.length === 0 ? [] : await db.targetSheet.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, lead: true } });
  const byId = new Map(sheets.map((s) => [s.id, s]));
  return sets.map((set) => set.map((f) => toRow(f, byId.get(f.sheetId) ?? { name: "", lead: "" }, unitName(f.unitId))));
}
