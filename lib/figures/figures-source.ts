import "server-only";
import Decimal from "decimal.js";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MonthStatus, SheetKind, SheetStatus } from "@/lib/generated/prisma/enums";
import { fromTargetColumns } from "@/lib/columns/target-columns";
import { isQuantitative } from "@/lib/targets/types";
import type { FiguresSource } from "./compute-figures";
import { type SheetHistory, sourceAt, workflowAt } from "./sheet-history";
import { QUALITATIVE_LABEL } from "@/lib/columns/qualitative-status";

/** A Prisma client or an open transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Every month a sheet keeps figures for (model SheetFigures: one row per sheet and month). */
export const ALL_MONTHS: readonly number[] = Array.from({ length: 12 }, (_, k) => k + 1);

interface SheetRow {
  id: number;
  fiscal_year_id: number;
  unit_id: number;
  position: number;
  kind: SheetKind;
  status: SheetStatus;
  funds_total: string;
  budget_execution_weight: string | null;
  /** {"1": ["7", "7"], …}: each month's figures change_seq and computed_seq. */
  change_seqs: string;
  months: string;
  adjustments: string;
  final_total: string | null;
  final_grade: string | null;
  indicators: string;
}

// One statement for any number of sheets, one row per sheet with its whole year as JSON (numbers as text: exact);
// the months are cut from it in JS (sheet-history.ts), so twelve months cost one read.
const SOURCES_SQL = `
SELECT ts."id", ts."fiscal_year_id", ts."unit_id", ts."position", ts."kind"::text AS "kind", ts."status"::text AS "status",
       ts."funds_total"::text AS "funds_total", ts."budget_execution_weight"::text AS "budget_execution_weight",
       (SELECT COALESCE(json_object_agg(f."month", json_build_array(f."change_seq"::text, f."computed_seq"::text)), '{}'::json)::text
          FROM "sheet_figures" f WHERE f."sheet_id" = ts."id") AS "change_seqs",
       (SELECT COALESCE(json_agg(json_build_object('month', sm."month", 'executed', sm."executed"::text, 'status', sm."status")), '[]'::json)::text
          FROM "sheet_month" sm WHERE sm."sheet_id" = ts."id") AS "months",
       (SELECT COALESCE(json_agg(json_build_object('month', a."month", 'amount', a."amount"::text)), '[]'::json)::text
          FROM "budget_adjustment" a WHERE a."sheet_id" = ts."id") AS "adjustments",
       ev."total"::text AS "final_total", ev."grade" AS "final_grade",
       (SELECT COALESCE(json_agg(json_build_object(
                 'id', i."id", 'name', i."name", 'op', i."target_op", 'value', i."target_value"::text, 'unit', i."target_unit",
                 'qualitative', i."target_qualitative", 'measure', i."measure_type", 'weight', i."weight"::text, 'rule', i."rule",
                 'entries', (SELECT COALESCE(json_agg(json_build_object(
                                      'month', pe."month", 'current', pe."value"::text, 'status', pe."qualitative_value", 'forecast', pe."forecast"::text)), '[]'::json)
                               FROM "progress_entry" pe WHERE pe."indicator_id" = i."id"))
               ORDER BY i."position"), '[]'::json)::text
          FROM "indicator" i WHERE i."sheet_id" = ts."id") AS "indicators"
  FROM "target_sheet" ts
  LEFT JOIN "evaluation" ev ON ev."sheet_id" = ts."id" AND ev."kind" = 'EVALUATOR' AND ev."status" = 'FINAL'
 WHERE ts."id" = ANY($1::int[])
 ORDER BY ts."id"`;

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
  entries: { month: number; current: string | null; status: "ACHIEVED" | "PARTIAL" | "NOT_ACHIEVED" | null; forecast: string | null }[];
}

export interface LoadedSource extends FiguresSource {
  /** The figures row's change_seq when read (in the same snapshot as the rows): fresh for it. Null: no row yet. */
  changeSeq: string | null;
  /** Whether the stored figures of this month were computed from the rows as read (change_seq = computed_seq). */
  fresh: boolean;
}

/**
 * Everything the figures of these sheets at these months are computed from, in one statement whatever their number.
 * The change_seq is read in the same statement as the rows (one snapshot): a change committed after it leaves the
 * figures marked stale, never fresh with older data.
 */
export async function loadFiguresSources(db: Db, sheetIds: readonly number[], months: readonly number[] = ALL_MONTHS): Promise<LoadedSource[]> {
  if (sheetIds.length === 0 || months.length === 0) return [];
  const sheets = await db.$queryRawUnsafe<SheetRow[]>(SOURCES_SQL, [...sheetIds]);
  return sheets.flatMap((s) => {
    const history = toHistory(s);
    const seqs = JSON.parse(s.change_seqs) as Record<string, [change: string, computed: string]>;
    const final = s.final_total === null || s.final_grade === null ? null : { total: new Decimal(s.final_total), grade: s.final_grade };
    return months.map(
      (month): LoadedSource => ({
        ...sourceAt(history, month),
        ...workflowAt(history, month),
        sheetId: s.id,
        fiscalYearId: s.fiscal_year_id,
        unitId: s.unit_id,
        position: s.position,
        kind: s.kind,
        status: s.status,
        final,
        changeSeq: seqs[String(month)]?.[0] ?? null,
        fresh: seqs[String(month)] !== undefined && seqs[String(month)]![0] === seqs[String(month)]![1],
      }),
    );
  });
}

function toHistory(s: SheetRow): SheetHistory {
  const months = JSON.parse(s.months) as { month: number; executed: string | null; status: MonthStatus }[];
  const adjustments = JSON.parse(s.adjustments) as { month: number; amount: string }[];
  return {
    fundsTotal: new Decimal(s.funds_total),
    budgetExecutionWeight: s.budget_execution_weight === null ? null : new Decimal(s.budget_execution_weight),
    indicators: (JSON.parse(s.indicators) as IndicatorJson[]).map(toIndicator),
    months: months.map((m) => ({ month: m.month, status: m.status, executed: m.executed === null ? null : new Decimal(m.executed) })),
    adjustments: adjustments.map((a) => ({ month: a.month, amount: new Decimal(a.amount) })),
  };
}

function toIndicator(row: IndicatorJson): SheetHistory["indicators"][number] {
  // The same reading of the stored target as every other module (lib/columns/target-columns.ts).
  const target = fromTargetColumns({
    targetOp: row.op,
    targetValue: row.value === null ? null : new Prisma.Decimal(row.value),
    targetUnit: row.unit,
    targetQualitative: row.qualitative,
  });
  const quantitative = isQuantitative(target);
  // Only entries with a value of the row's kind count: a number on a quantitative row, a status on a qualitative one.
  const entries = row.entries.flatMap((e): SheetHistory["indicators"][number]["entries"] => {
    if (quantitative)
      return e.current === null ? [] : [{ month: e.month, value: new Decimal(e.current), forecast: e.forecast === null ? null : new Decimal(e.forecast) }];
    return e.status === null ? [] : [{ month: e.month, value: QUALITATIVE_LABEL[e.status], forecast: e.forecast === null ? null : new Decimal(e.forecast) }];
  });
  return { id: row.id, name: row.name, target, measureType: row.measure, weight: new Decimal(row.weight), rule: row.rule, entries };
}
