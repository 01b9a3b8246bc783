import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, sheetVisibility } from "@/lib/auth/authorize";
import { readableSheetsWhere, visibleSheetsWhere } from "@/lib/sheets/sheet-scope";
import { measurableMonths, resolveAsOfMonth } from "@/lib/figures/as-of-month";
import type { Db } from "@/lib/figures/figures-source";
import { monthLabel } from "@/lib/progress/labels";
import { formatTimeProgress } from "@/lib/progress/progress-view";
import type { Grade } from "@/lib/scoring";
import { LIGHT_TO_DB } from "@/lib/figures/labels";
import { PAGE_SIZE, type ScorecardQuery } from "./query";
import { emptySubtotal, type LightCounts, loadRows, type ScorecardRow, type Subtotal, toSubtotal, unitSubtotals } from "./queries";
import { summarizeScorecard, type TallyScope } from "./tally";
import { refreshStaleFigures } from "@/lib/figures/refresh-sheet-figures";
import { loadYearDeadlines } from "@/lib/deadlines/load-deadlines";
import { findOverdue, overdueSheetWhere } from "@/lib/deadlines/overdue";
import { monthsPastDue, type YearDeadlines } from "@/lib/deadlines/rules";

export type { LightCounts, ScorecardRow, Subtotal } from "./queries";

export interface Scorecard {
  year: number | null;
  years: number[];
  /** The month lights and projections are for (截至月份, 1–12; 0 without a year), as `2025年7月`, and its time progress. */
  asOfMonth: number;
  asOfLabel: string | null;
  timeProgress: string | null;
  /** The months the 截至月份 picker offers. */
  months: { month: number; label: string }[];
  query: ScorecardQuery;
  /** Project sheets the actor may see that match the filters (the department sheet is shown apart). */
  summary: Subtotal & { grades: Record<Grade, number> };
  department: ScorecardRow[];
  units: { id: number; name: string }[];
  lightsByUnit: { unitId: number; unit: string; lights: LightCounts }[];
  /** Sheets per 10 points of score (the evaluator's total once final, else the projection). */
  distribution: { bucket: number; label: string; count: number }[];
  table: {
    rows: ScorecardRow[];
    /** Rows matching the filters, all pages. */
    total: number;
    page: number;
    pageCount: number;
    pageSize: number;
    totals: Subtotal;
    /** Per unit, over every row matching the filters (not only this page); when grouped by unit. */
    groups: Subtotal[];
  };
}

const SORT_FIELD: Record<Exclude<ScorecardQuery["sort"], "overdue">, (dir: Prisma.SortOrder) => Prisma.SheetFiguresOrderByWithRelationInput> = {
  unit: (dir) => ({ unitId: dir }),
  name: (dir) => ({ sheet: { name: dir } }),
  lead: (dir) => ({ sheet: { lead: dir } }),
  budget: (dir) => ({ budget: dir }),
  executed: (dir) => ({ executed: { sort: dir, nulls: "last" } }),
  rate: (dir) => ({ executionRate: { sort: dir, nulls: "last" } }),
  submitted: (dir) => ({ lastSubmittedMonth: { sort: dir, nulls: "last" } }),
  approved: (dir) => ({ lastApprovedMonth: { sort: dir, nulls: "last" } }),
  light: (dir) => ({ light: { sort: dir, nulls: "last" } }),
  projected: (dir) => ({ projectedScore: { sort: dir, nulls: "last" } }),
  final: (dir) => ({ finalScore: { sort: dir, nulls: "last" } }),
};

/** ORDER BY of the table: grouped rows by unit first; ties in the document's order. */
export function scorecardOrderBy(query: ScorecardQuery): Prisma.SheetFiguresOrderByWithRelationInput[] {
  return [
    ...(query.group === "unit" ? [{ unitId: "asc" as const }] : []),
    (query.sort === "overdue" ? SORT_FIELD.light : SORT_FIELD[query.sort])(query.dir),
    // The figures' copy of the sheet's position: the default order is then an index order (no join, no full sort).
    { position: "asc" },
    { sheetId: "asc" },
  ];
}

export interface ScorecardScope {
  fiscalYearId: number;
  /** Published sheets of the year the actor may see, their figures at the month measured. */
  base: Prisma.SheetFiguresWhereInput;
  /** Their project sheets matching the query's filters. */
  filtered: Prisma.SheetFiguresWhereInput;
  /** Whether any filter narrows the project sheets. */
  hasFilters: boolean;
  /** The sheets of `filtered` with a month 逾期 now (lib/deadlines), for the 逾期 counts. */
  overdue: Prisma.SheetFiguresWhereInput;
  /** How the maintained tallies answer the sums of `filtered`; null when a filter needs every sheet read. */
  tally: TallyScope | null;
}

/** The figures at `month` of the year's published sheets the actor may see. */
function visibleFigures(actor: Actor, fiscalYearId: number, month: number): Prisma.SheetFiguresWhereInput {
  const visible = readableSheetsWhere(actor);
  return { fiscalYearId, month, status: "PUBLISHED", ...(Object.keys(visible).length > 0 ? { sheet: visible } : {}) };
}

/**
 * The WHERE of the scorecard: the year and month measured, published sheets, what the actor may see
 * (readableSheetsWhere), the filters. `passed`: the months of the year whose deadline has passed (monthsPastDue).
 */
export function scorecardScope(actor: Actor, fiscalYearId: number, month: number, query: ScorecardQuery, passed: readonly number[] = []): ScorecardScope {
  const base = visibleFigures(actor, fiscalYearId, month);
  const overdue: Prisma.SheetFiguresWhereInput = { sheet: overdueSheetWhere(passed) };
  const filters: Prisma.SheetFiguresWhereInput[] = [base, { kind: "PROJECT" }];
  if (query.overdue) filters.push(overdue);
  if (query.unit !== undefined) filters.push({ unitId: query.unit });
  if (query.light) filters.push({ light: query.light === "none" ? null : LIGHT_TO_DB[query.light] });
  if (query.grade) filters.push({ grade: query.grade });
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" } as const;
    filters.push({ sheet: { OR: [{ name: contains }, { lead: contains }, { unit: { name: contains } }] } });
  }
  const filtered = { AND: filters };
  const tally =
    query.light || query.grade || query.q || query.overdue ? null : tallyScope(actor, { fiscalYearId, month, unitId: query.unit, passed }, filtered, overdue);
  return { fiscalYearId, base, filtered, hasFilters: filters.length > 2, overdue: { AND: [...filters, overdue] }, tally };
}

/**
 * The tallies sum whole units: every unit for an actor who sees every sheet, a manager's department's units. Sheets
 * seen through other grants (a manager's own drafts, a lead's or evaluator's assignments) outside those units are
 * summed from their figures (`rest`); an actor with no department grant reads every matching sheet instead.
 */
function tallyScope(
  actor: Actor,
  at: Omit<TallyScope, "departmentIds" | "rest">,
  filtered: Prisma.SheetFiguresWhereInput,
  overdue: Prisma.SheetFiguresWhereInput,
): TallyScope | null {
  const visibility = sheetVisibility(actor);
  if ("all" in visibility) return { ...at, departmentIds: null, rest: null };
  const departmentIds = visibility.anyOf.flatMap((grant) => ("departmentId" in grant ? [grant.departmentId] : []));
  if (departmentIds.length === 0) return null;
  const others = visibility.anyOf.filter((grant) => !("departmentId" in grant));
  if (others.length === 0) return { ...at, departmentIds, rest: null };
  const outside: Prisma.SheetFiguresWhereInput = {
    sheet: { AND: [visibleSheetsWhere({ anyOf: others }), { unit: { departmentId: { notIn: departmentIds } } }] },
  };
  return { ...at, departmentIds, rest: { where: { AND: [filtered, outside] }, overdue: { AND: [filtered, outside, overdue] } } };
}

/**
 * The fiscal year a query is for: the one asked, else the latest with published sheets (a year rolled over into
 * drafts is not monitored yet), else the latest.
 */
export async function resolveYear(db: Db, query: ScorecardQuery): Promise<{ years: number[]; fiscalYear: { id: number; year: number } | null }> {
  const years = await db.fiscalYear.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true } });
  const asked = query.year === undefined ? await latestPublishedYear(db, years) : years.find((y) => y.year === query.year);
  return { years: years.map((y) => y.year), fiscalYear: asked ?? (query.year === undefined ? (years[0] ?? null) : null) };
}

/** The latest of `years` (newest first) with a published sheet: one index probe per year until one has. */
async function latestPublishedYear<Y extends { id: number }>(db: Db, years: Y[]): Promise<Y | undefined> {
  for (const year of years) {
    if (await db.targetSheet.findFirst({ where: { fiscalYearId: year.id, status: "PUBLISHED" }, select: { id: true } })) return year;
  }
  return undefined;
}

/**
 * The year, its 截至月份 — asked, else the latest month with submitted data among the sheets the actor may see,
 * else the current month (as-of-month.ts) — and the scope at that month. Fresh figures first. 逾期 is as of `now`,
 * whatever the 截至月份: a month owed today is owed whichever month the figures measure.
 */
export async function resolveScorecard(
  db: Db,
  actor: Actor,
  query: ScorecardQuery,
  now: Date,
): Promise<{
  years: number[];
  fiscalYear: { id: number; year: number } | null;
  month: number;
  scope: ScorecardScope | null;
  deadlines: YearDeadlines | null;
}> {
  const { years, fiscalYear } = await resolveYear(db, query);
  if (!fiscalYear) return { years, fiscalYear, month: 0, scope: null, deadlines: null };
  await refreshStaleFigures(db, fiscalYear);
  const [latest, deadlines] = await Promise.all([latestSubmittedMonth(db, actor, fiscalYear.id), loadYearDeadlines(db, fiscalYear)]);
  const month = resolveAsOfMonth(query.month, fiscalYear.year, latest, now);
  return { years, fiscalYear, month, scope: scorecardScope(actor, fiscalYear.id, month, query, monthsPastDue(deadlines, now)), deadlines };
}

/** Each row with its sheet's 逾期 months at `now` (one statement for all the rows). */
export async function withOverdue(
  db: Db,
  fiscalYear: { id: number; year: number },
  deadlines: YearDeadlines,
  now: Date,
  rows: ScorecardRow[],
): Promise<ScorecardRow[]> {
  const overdue = await findOverdue(db, [fiscalYear], now, { sheetIds: rows.map((r) => r.sheetId), deadlines: new Map([[fiscalYear.id, deadlines]]) });
  return rows.map((r) => ({ ...r, overdueMonths: overdue.get(r.sheetId)?.months ?? [] }));
}

/**
 * The latest month submitted (or approved) on any published sheet of the year the actor may see: the default
 * 截至月份 of the scorecard and of 运行监控 alike. Reads fresh figures (their month-12 rows count every month).
 */
export async function latestSubmittedMonth(db: Db, actor: Actor, fiscalYearId: number): Promise<number | null> {
  // The first in the order of an index (fiscal year, month, last submitted month descending), not a MAX over all.
  const latest = await db.sheetFigures.findFirst({
    where: visibleFigures(actor, fiscalYearId, 12),
    orderBy: { lastSubmittedMonth: { sort: "desc", nulls: "last" } },
    select: { lastSubmittedMonth: true },
  });
  return latest?.lastSubmittedMonth ?? null;
}

const BUCKET_LABELS = Array.from({ length: 10 }, (_, b) => `${b * 10}–${b === 9 ? 100 : b * 10 + 10}`);

/**
 * The scorecard of a fiscal year for `actor`: every figure is read from the per-sheet figures (brought up to date
 * first, see refresh-sheet-figures.ts); filters, sorting, grouping, paging, sums and counts run in the database.
 */
export async function getScorecard(db: Db, actor: Actor, query: ScorecardQuery, options: { now?: Date } = {}): Promise<Scorecard> {
  authorize(actor, { type: "sheets.list" });
  const now = options.now ?? new Date();
  const { years, fiscalYear, month, scope, deadlines } = await resolveScorecard(db, actor, query, now);
  if (!fiscalYear || !scope || !deadlines) return emptyScorecard(years, query);
  const { base, filtered } = scope;

  const [summary, units] = await Promise.all([
    summarizeScorecard(db, scope),
    db.budgetUnit.findMany({
      where: { sheets: { some: { AND: [{ fiscalYearId: fiscalYear.id, status: "PUBLISHED" }, readableSheetsWhere(actor)] } } },
      select: { id: true, name: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const total = summary.total.sheets;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const nameOf = (id: number) => unitNames.get(id) ?? `单位 ${id}`;
  const [loaded, departmentLoaded] = await loadRows(
    db,
    [
      { where: filtered, orderBy: scorecardOrderBy(query), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE },
      { where: { AND: [base, { kind: "DEPARTMENT" }] }, orderBy: [{ position: "asc" }, { sheetId: "asc" }] },
    ],
    nameOf,
  );
  const [rows, department] = await Promise.all([loaded!, departmentLoaded!].map((set) => withOverdue(db, fiscalYear, deadlines, now, set)));

  return {
    year: fiscalYear.year,
    years,
    asOfMonth: month,
    asOfLabel: monthLabel(fiscalYear.year, month),
    timeProgress: formatTimeProgress(month),
    months: measurableMonths(fiscalYear.year, now).map((m) => ({ month: m, label: monthLabel(fiscalYear.year, m) })),
    query: { ...query, year: fiscalYear.year, month, page },
    summary: { ...toSubtotal(null, "合计", summary.total), grades: summary.grades },
    department: department!,
    units,
    // Only the counts: a subtotal per unit (exact decimals, rates, averages) is for the grouped table.
    lightsByUnit: [...summary.byUnit.entries()].sort(([a], [b]) => a - b).map(([unitId, t]) => ({ unitId, unit: nameOf(unitId), lights: { ...t.lights } })),
    distribution: BUCKET_LABELS.map((label, bucket) => ({ bucket, label, count: summary.buckets.get(bucket) ?? 0 })),
    table: {
      rows: rows!,
      total,
      page,
      pageCount,
      pageSize: PAGE_SIZE,
      totals: toSubtotal(null, "合计", summary.total),
      groups: query.group === "unit" ? unitSubtotals(summary, nameOf) : [],
    },
  };
}

function emptyScorecard(years: number[], query: ScorecardQuery): Scorecard {
  const none = emptySubtotal();
  return {
    year: null,
    years,
    asOfMonth: 0,
    asOfLabel: null,
    timeProgress: null,
    months: [],
    query,
    summary: { ...none, grades: { 优: 0, 良: 0, 中: 0, 差: 0 } },
    department: [],
    units: [],
    lightsByUnit: [],
    distribution: BUCKET_LABELS.map((label, bucket) => ({ bucket, label, count: 0 })),
    table: { rows: [], total: 0, page: 1, pageCount: 1, pageSize: PAGE_SIZE, totals: none, groups: [] },
  };
}
