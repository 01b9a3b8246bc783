import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { loadDeadlines } from "./load-deadlines";
import { monthsPastDue, type YearDeadlines } from "./rules";

type Db = PrismaClient | Prisma.TransactionClient;

/** One published sheet's 逾期 months (lib/deadlines/rules.ts says when a month is 逾期). */
export interface SheetOverdue {
  sheetId: number;
  unitId: number;
  fiscalYearId: number;
  /** The 逾期 months, in order; never empty. */
  months: number[];
}

/**
 * The 逾期 months of the published sheets of fiscal years at `now`, by sheet id; sheets with none are left out.
 * `sheetIds` narrows the sheets. One statement per year: the months whose deadline has passed, less those the sheet
 * has submitted (已提交 or 已通过), in the database.
 */
export async function findOverdue(
  db: Db,
  years: readonly { id: number; year: number }[],
  now: Date,
  options: { sheetIds?: readonly number[]; deadlines?: Map<number, YearDeadlines> } = {},
): Promise<Map<number, SheetOverdue>> {
  const deadlines = options.deadlines ?? (await loadDeadlines(db, years));
  const result = new Map<number, SheetOverdue>();
  for (const year of years) {
    for (const r of await findUnsubmitted(db, year.id, monthsPastDue(deadlines.get(year.id)!, now), options.sheetIds)) result.set(r.sheetId, r);
  }
  return result;
}

/**
 * Of `months` of a fiscal year, those each published sheet has not submitted (neither 已提交 nor 已通过), in the
 * database; sheets with none are left out. `sheetIds` narrows the sheets. Reads the sheets' submitted months, which a
 * trigger on sheet_month keeps (migration 20261205100000), so it costs one pass over the sheets whatever the months.
 */
export async function findUnsubmitted(db: Db, fiscalYearId: number, months: readonly number[], sheetIds?: readonly number[]): Promise<SheetOverdue[]> {
  if (months.length === 0 || sheetIds?.length === 0) return [];
  const wanted = [...months];
  const ids = sheetIds ? [...sheetIds] : null;
  const rows = await db.$queryRaw<{ sheetId: number; unitId: number; months: number[] }[]>`
    SELECT s.id AS "sheetId", s.unit_id AS "unitId",
           ARRAY(SELECT p.m FROM unnest(${wanted}::int[]) AS p(m) WHERE p.m <> ALL(s.submitted_months) ORDER BY p.m) AS months
      FROM target_sheet s
     WHERE s.fiscal_year_id = ${fiscalYearId} AND s.status = 'PUBLISHED'
       AND (${ids}::int[] IS NULL OR s.id = ANY(${ids}::int[]))
       AND NOT (s.submitted_months @> ${wanted}::int[])
     ORDER BY s.id`;
  return rows.map((r) => ({ sheetId: r.sheetId, unitId: r.unitId, fiscalYearId, months: r.months.map(Number) }));
}

/**
 * Sheets with at least one 逾期 month, as a filter (a month whose deadline has passed that the sheet has not
 * submitted); `passed`: monthsPastDue of their year. Matches nothing when no deadline has passed.
 */
export const overdueSheetWhere = (passed: readonly number[]): Prisma.TargetSheetWhereInput =>
  // An empty hasEvery would match no sheet anyway; said outright.
  passed.length === 0 ? { id: { in: [] } } : { NOT: { submittedMonths: { hasEvery: [...passed] } } };
