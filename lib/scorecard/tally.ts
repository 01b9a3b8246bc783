import "server-only";
import Decimal from "decimal.js";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/figures/figures-source";
import { GRADES } from "@/lib/figures/labels";
import type { Grade } from "@/lib/scoring";
import { newTally, type Summary, summarize, type Tally } from "./queries";

/**
 * The 绩效看板's sums read from the maintained tallies (models FiguresTally and SheetTally, migration
 * 20261206100000): about one row per unit, whatever the number of sheets, instead of a GROUP BY over every sheet.
 * The tallies hold what the figures hold, kept by triggers in the writes' own transactions, so they agree with the
 * table's rows at every read (lib/scorecard/tally.int.test.ts compares them with the GROUP BY after every kind of
 * write). They are summed per unit; filters they do not break down by (light, 等级, search, 仅看逾期) read every
 * matching sheet as before (`summarize`).
 */

/** What the tallies can answer: the year's published project sheets at a month, of whole units. */
export interface TallyScope {
  fiscalYearId: number;
  month: number;
  /** The units of these departments; null: every unit. */
  departmentIds: number[] | null;
  /** Only this unit (the 预算单位 filter). */
  unitId?: number;
  /** The months whose deadline has passed (monthsPastDue): a sheet lacking one of them is 逾期. */
  passed: readonly number[];
  /**
   * Published sheets the actor sees through other grants (as their author, by assignment) outside those units, and
   * those of them 逾期: summed from their figures and added. Null when there is none to add.
   */
  rest: { where: Prisma.SheetFiguresWhereInput; overdue: Prisma.SheetFiguresWhereInput } | null;
}

/** Rows of a tally beyond twice its groups (and this many) are folded into one per group after the read. */
const PILE_UP = 200;

/** A unit's sums (`unitId` null: the total of them all), numbers as text: decimal.js reads them once. */
interface FiguresGroup {
  unitId: number | null;
  rows: number;
  sheets: number;
  litRed: number;
  litYellow: number;
  litGreen: number;
  litBlue: number;
  unlit: number;
  fundsTotal: string;
  budget: string;
  executed: string;
  projectedCount: number;
  projectedSum: string;
  finalCount: number;
  finalSum: string;
  grades: number[];
  buckets: number[];
}

const mask = (months: readonly number[]): number => months.reduce((bits, m) => bits | (1 << (m - 1)), 0);

/** The tally rows of the scope's units: the one filtered on, those of its departments, or every unit. */
function unitsOf(scope: TallyScope): Prisma.Sql {
  const departments = scope.departmentIds;
  const unit = scope.unitId ?? null;
  return Prisma.sql`(${unit}::int IS NULL OR t."unit_id" = ${unit}::int)
       AND (${departments}::int[] IS NULL OR t."unit_id" IN (SELECT u."id" FROM "budget_unit" u WHERE u."department_id" = ANY(${departments}::int[])))`;
}

async function readFigures(db: Db, scope: TallyScope): Promise<FiguresGroup[]> {
  return db.$queryRaw<FiguresGroup[]>`
    SELECT t."unit_id" AS "unitId", count(*)::int AS "rows", sum(t."sheets")::int AS "sheets",
           sum(t."lit_red")::int AS "litRed", sum(t."lit_yellow")::int AS "litYellow", sum(t."lit_green")::int AS "litGreen",
           sum(t."lit_blue")::int AS "litBlue", sum(t."unlit")::int AS "unlit",
           sum(t."funds_total")::text AS "fundsTotal", sum(t."budget")::text AS "budget", sum(t."executed")::text AS "executed",
           sum(t."projected_count")::int AS "projectedCount", sum(t."projected_sum")::text AS "projectedSum",
           sum(t."final_count")::int AS "finalCount", sum(t."final_sum")::text AS "finalSum",
           ARRAY[sum(t."final_excellent"), sum(t."final_good"), sum(t."final_fair"), sum(t."final_poor")]::int[] AS "grades",
           ARRAY[sum(t."bucket_0"), sum(t."bucket_1"), sum(t."bucket_2"), sum(t."bucket_3"), sum(t."bucket_4"),
                 sum(t."bucket_5"), sum(t."bucket_6"), sum(t."bucket_7"), sum(t."bucket_8"), sum(t."bucket_9")]::int[] AS "buckets"
      FROM "figures_tally" t
     WHERE t."fiscal_year_id" = ${scope.fiscalYearId} AND t."month" = ${scope.month} AND t."kind" = 'PROJECT' AND t."status" = 'PUBLISHED'
       AND ${unitsOf(scope)}
     -- Each unit, and (unit_id null) all of them: the total is summed here, not again in decimal.js.
     GROUP BY GROUPING SETS ((t."unit_id"), ())
     ORDER BY t."unit_id" NULLS FIRST`;
}

async function readLate(db: Db, scope: TallyScope): Promise<{ unitId: number; rows: number; groups: number; late: number }[]> {
  const passed = mask(scope.passed);
  return db.$queryRaw`
    SELECT t."unit_id" AS "unitId", count(*)::int AS "rows", count(DISTINCT t."submitted_mask")::int AS "groups",
           COALESCE(sum(t."sheets") FILTER (WHERE t."submitted_mask" & ${passed}::int <> ${passed}::int), 0)::int AS "late"
      FROM "sheet_tally" t
     WHERE t."fiscal_year_id" = ${scope.fiscalYearId} AND t."kind" = 'PROJECT' AND t."status" = 'PUBLISHED'
       AND ${unitsOf(scope)}
     GROUP BY t."unit_id"`;
}

const toTally = (g: FiguresGroup): Tally => ({
  sheets: g.sheets,
  fundsTotal: new Decimal(g.fundsTotal),
  budget: new Decimal(g.budget),
  executed: new Decimal(g.executed),
  projectedSum: new Decimal(g.projectedSum),
  projectedCount: g.projectedCount,
  finalSum: new Decimal(g.finalSum),
  finalCount: g.finalCount,
  lights: { red: g.litRed, yellow: g.litYellow, green: g.litGreen, blue: g.litBlue, none: g.unlit },
  overdueSheets: 0,
});

function addTally(into: Tally, t: Tally): void {
  into.sheets += t.sheets;
  into.fundsTotal = into.fundsTotal.plus(t.fundsTotal);
  into.budget = into.budget.plus(t.budget);
  into.executed = into.executed.plus(t.executed);
  into.projectedSum = into.projectedSum.plus(t.projectedSum);
  into.projectedCount += t.projectedCount;
  into.finalSum = into.finalSum.plus(t.finalSum);
  into.finalCount += t.finalCount;
  for (const light of Object.keys(t.lights) as (keyof Tally["lights"])[]) into.lights[light] += t.lights[light];
  into.overdueSheets += t.overdueSheets;
}

/** `b` added into `a` (the tallied units and the sheets seen through other grants are disjoint). */
function mergeSummaries(a: Summary, b: Summary): Summary {
  addTally(a.total, b.total);
  for (const [unitId, t] of b.byUnit) {
    const unit = a.byUnit.get(unitId) ?? newTally();
    addTally(unit, t);
    a.byUnit.set(unitId, unit);
  }
  for (const grade of GRADES) a.grades[grade] += b.grades[grade];
  for (const [bucket, n] of b.buckets) a.buckets.set(bucket, (a.buckets.get(bucket) ?? 0) + n);
  return a;
}

/**
 * The summary of the tallied units (the same shape `summarize` answers), folding piled-up rows afterwards: more than
 * twice the groups read, and `pileUp` more.
 */
export async function readTally(db: Db, scope: TallyScope, pileUp = PILE_UP): Promise<Summary> {
  const [groups, late] = await Promise.all([readFigures(db, scope), scope.passed.length > 0 ? readLate(db, scope) : []]);
  const byUnit = new Map<number, Tally>();
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const buckets = new Map<number, number>();
  const all = groups.find((g) => g.unitId === null);
  const total = all && all.rows > 0 ? toTally(all) : newTally();
  if (all && all.rows > 0) {
    GRADES.forEach((grade, i) => {
      grades[grade] = all.grades[i]!;
    });
    all.buckets.forEach((n, bucket) => {
      if (n !== 0) buckets.set(bucket, n);
    });
  }
  const units = groups.filter((g) => g.unitId !== null);
  // A unit whose sheets are all gone (or moved) sums to nothing: it has no row on the scorecard either.
  for (const g of units) if (g.sheets !== 0) byUnit.set(g.unitId!, toTally(g));
  for (const l of late) {
    if (l.late === 0) continue;
    const unit = byUnit.get(l.unitId);
    if (unit) unit.overdueSheets += l.late;
    total.overdueSheets += l.late;
  }
  const piled = (rows: number, groupCount: number) => rows > 2 * groupCount + pileUp;
  if (piled(all?.rows ?? 0, units.length)) await db.$executeRaw`SELECT "figures_tally_compact"(${scope.fiscalYearId}, ${scope.month})`;
  if (piled(sum(late.map((l) => l.rows)), sum(late.map((l) => l.groups)))) await db.$executeRaw`SELECT "sheet_tally_compact"(${scope.fiscalYearId})`;
  return { total, byUnit, grades, buckets };
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * The scorecard's sums: from the tallies when the scope allows (plus the few sheets seen through other grants), else
 * over every matching sheet's figures.
 */
export async function summarizeScorecard(
  db: Db,
  scope: { filtered: Prisma.SheetFiguresWhereInput; overdue: Prisma.SheetFiguresWhereInput; tally: TallyScope | null },
): Promise<Summary> {
  if (!scope.tally) return summarize(db, scope.filtered, scope.overdue);
  const { rest } = scope.tally;
  const [tallied, others] = await Promise.all([readTally(db, scope.tally), rest ? summarize(db, rest.where, rest.overdue) : null]);
  return others ? mergeSummaries(tallied, others) : tallied;
}
