import "server-only";
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { SheetKind, SheetStatus } from "@/lib/generated/prisma/enums";
import { reportingMonth } from "./reporting-month";
import { fromTargetColumns } from "@/lib/columns/target-columns";
import { isQuantitative } from "@/lib/targets/types";
import type { FiguresSource, SourceIndicator } from "./compute-figures";
import { QUALITATIVE_LABEL } from "@/lib/columns/qualitative-status";

/** A Prisma client or an open transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The month the in-year figures of a fiscal year are computed for, now: the one definition is
 * lib/figures/reporting-month.ts (the current month in Beijing time, 12 once the year is over, 0 before it starts),
 * the same month leads report on.
 */
export const asOfMonth = (fiscalYear: number, now: Date): number => reportingMonth(fiscalYear, now);

/** The month of each fiscal year (by id) at `now`. */
export async function monthsByFiscalYear(db: Db, now: Date): Promise<Map<number, { year: number; month: number }>> {
  const years = await db.$queryRawUnsafe<{ id: number; year: number }[]>(`SELECT "id", "year" FROM "fiscal_year"`);
  return new Map(years.map((y) => [y.id, { year: y.year, month: asOfMonth(y.year, now) }]));
}

interface SheetRow {
  id: number;
  fiscal_year_id: number;
  unit_id: number;
  kind: SheetKind;
  status: SheetStatus;
  funds_total: string;
  budget_execution_weight: string | null;
  change_seq: string | null;
  adjustment: string;
  executed_month: number | null;
  executed: string | null;
  months_submitted: number;
  months_approved: number;
  last_submitted_month: number | null;
  last_approved_month: number | null;
  final_total: string | null;
  final_grade: string | null;
  indicators: string;
}


// One statement for any number of sheets. Each sheet's month comes from its fiscal year (`$2`, `$3` pair the
// fiscal years' ids with their months); the LATERAL join makes the plan start from the sheet ids. A row's latest
// value is its latest entry up to the month with a value of the row's kind (a number on a quantitative row —
// comparator and value present —, 达成/部分达成/未达成 on a qualitative one). Numbers travel as text: exact.
const SOURCES_SQL = `
SELECT ts."id", ts."fiscal_year_id", ts."unit_id", ts."kind"::text AS "kind", ts."status"::text AS "status",
       ts."funds_total"::text AS "funds_total", ts."budget_execution_weight"::text AS "budget_execution_weight",
       f."change_seq"::text AS "change_seq",
       (SELECT COALESCE(SUM(a."amount"), 0)::text FROM "budget_adjustment" a
         WHERE a."sheet_id" = ts."id" AND a."month" <= fm."m") AS "adjustment",
       ex."month" AS "executed_month", ex."executed"::text AS "executed",
       ms."submitted" AS "months_submitted", ms."approved" AS "months_approved",
       ms."last_submitted" AS "last_submitted_month", ms."last_approved" AS "last_approved_month",
       ev."total"::text AS "final_total", ev."grade" AS "final_grade",
       (SELECT COALESCE(json_agg(json_build_object(
                 'id', i."id", 'name', i."name", 'op', i."target_op", 'value', i."target_value"::text, 'unit', i."target_unit",
                 'qualitative', i."target_qualitative", 'measure', i."measure_type", 'weight', i."weight"::text, 'rule', i."rule",
                 'month', e."month", 'current', e."value"::text, 'status', e."qualitative_value", 'forecast', e."forecast"::text)
               ORDER BY i."position"), '[]'::json)::text
          FROM "indicator" i
          LEFT JOIN LATERAL (
            SELECT pe."month", pe."value", pe."qualitative_value", pe."forecast" FROM "progress_entry" pe
             WHERE pe."indicator_id" = i."id" AND pe."month" <= fm."m"
               AND (CASE WHEN i."target_op" IS NOT NULL AND i."target_value" IS NOT NULL
                         THEN pe."value" IS NOT NULL ELSE pe."qualitative_value" IS NOT NULL END)
             ORDER BY pe."month" DESC LIMIT 1) e ON true
         WHERE i."sheet_id" = ts."id") AS "indicators"
  FROM "target_sheet" ts
  CROSS JOIN LATERAL (
    SELECT y."m" FROM unnest($2::int[], $3::int[]) AS y("fiscal_year_id", "m") WHERE y."fiscal_year_id" = ts."fiscal_year_id") fm
  LEFT JOIN "sheet_figures" f ON f."sheet_id" = ts."id"
  LEFT JOIN LATERAL (
    SELECT sm."month", sm."executed" FROM "sheet_month" sm
     WHERE sm."sheet_id" = ts."id" AND sm."month" <= fm."m" AND sm."executed" IS NOT NULL
     ORDER BY sm."month" DESC LIMIT 1) ex ON true
  LEFT JOIN LATERAL (
    SELECT COUNT(*) FILTER (WHERE sm."status" IN ('SUBMITTED', 'APPROVED'))::int AS "submitted",
           COUNT(*) FILTER (WHERE sm."status" = 'APPROVED')::int AS "approved",
           MAX(sm."month") FILTER (WHERE sm."status" IN ('SUBMITTED', 'APPROVED')) AS "last_submitted",
           MAX(sm."month") FILTER (WHERE sm."status" = 'APPROVED') AS "last_approved"
      FROM "sheet_month" sm WHERE sm."sheet_id" = ts."id") ms ON true
  LEFT JOIN "evaluation" ev ON ev."sheet_id" = ts."id" AND ev."kind" = 'EVALUATOR' AND ev."status" = 'FINAL'
 WHERE ts."id" = ANY($1::int[])`;

interface IndicatorJson {
  id: number;
  name: string;
  op: "GTE" | "GT" | "EQ" | "LTE" | "LT" | null;
  value: string | null;
  unit: string | null;
  qualitative: string | null;
  measure: "CUMULATIVE" | "LEVEL";
  weight: string;
  rule: string;
  month: number | null;
  current: string | null;
  status: "ACHIEVED" | "PARTIAL" | "NOT_ACHIEVED" | null;
  forecast: string | null;
}

export interface LoadedSource extends FiguresSource {
  /** The sheet's figures change_seq when read (before its rows): the figures are fresh for it. Null: no row yet. */
  changeSeq: string | null;
}

/**
 * Everything the figures of these sheets are computed from, in one statement whatever the number of sheets.
 * The change_seq is read in the same statement as the rows (one snapshot): a change committed after it leaves the
 * figures marked stale, never fresh with older data.
 */
export async function loadFiguresSources(db: Db, sheetIds: readonly number[], now: Date): Promise<LoadedSource[]> {
  if (sheetIds.length === 0) return [];
  const months = await monthsByFiscalYear(db, now);
  const yearIds = [...months.keys()];
  const monthOf = yearIds.map((id) => months.get(id)!.month);
  const sheets = await db.$queryRawUnsafe<SheetRow[]>(SOURCES_SQL, [...sheetIds], yearIds, monthOf);
  return sheets.map((s) => ({
    sheetId: s.id,
    fiscalYearId: s.fiscal_year_id,
    unitId: s.unit_id,
    kind: s.kind,
    status: s.status,
    asOfMonth: months.get(s.fiscal_year_id)!.month,
    fundsTotal: new Decimal(s.funds_total),
    adjustment: new Decimal(s.adjustment),
    budgetExecutionWeight: s.budget_execution_weight === null ? null : new Decimal(s.budget_execution_weight),
    indicators: (JSON.parse(s.indicators) as IndicatorJson[]).map(toSourceIndicator),
    executed: s.executed === null ? null : { month: s.executed_month!, amount: new Decimal(s.executed) },
    monthsSubmitted: s.months_submitted,
    monthsApproved: s.months_approved,
    lastSubmittedMonth: s.last_submitted_month,
    lastApprovedMonth: s.last_approved_month,
    final: s.final_total === null || s.final_grade === null ? null : { total: new Decimal(s.final_total), grade: s.final_grade },
    changeSeq: s.change_seq,
  }));
}

function toSourceIndicator(row: IndicatorJson): SourceIndicator {
  // The same reading of the stored target as every other module (lib/columns/target-columns.ts).
  const target = fromTargetColumns({
    targetOp: row.op,
    targetValue: row.value === null ? null : new Prisma.Decimal(row.value),
    targetUnit: row.unit,
    targetQualitative: row.qualitative,
  });
  let latest: SourceIndicator["latest"] = null;
  if (row.month !== null) {
    // The SQL picked an entry with a value of the row's kind.
    const value = isQuantitative(target) ? new Decimal(row.current!) : QUALITATIVE_LABEL[row.status!];
    latest = { month: row.month, value, forecast: row.forecast === null ? null : new Decimal(row.forecast) };
  }
  return {
    id: row.id,
    name: row.name,
    target,
    measureType: row.measure,
    weight: new Decimal(row.weight),
    rule: row.rule,
    latest,
  };
}
