import "server-only";
import Decimal from "decimal.js";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Likelihood, MeasureType, MonthStatus, QualitativeStatus, SheetKind, SheetStatus } from "@/lib/generated/prisma/enums";
import type { SheetScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/sheets/sheet-lock";
import { toSheetScope } from "@/lib/sheets/sheet-scope";
import { indicatorHead } from "@/lib/columns/target-columns";
import type { Target } from "@/lib/targets/types";

export type { Db } from "@/lib/sheets/sheet-lock";

export interface IndicatorData {
  id: number;
  position: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  target: Target;
  measureType: MeasureType;
  version: number;
  weight: Decimal;
  rule: string;
  evidence: string[];
}

export interface EntryData {
  id: number;
  indicatorId: number;
  month: number;
  value: Decimal | null;
  qualitativeValue: QualitativeStatus | null;
  likelihood: Likelihood | null;
  forecast: Decimal | null;
  deviationReason: string;
  improvement: string;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface MonthData {
  id: number;
  month: number;
  status: MonthStatus;
  executed: Decimal | null;
  reviewComment: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  version: number;
}

export interface AdjustmentData {
  id: number;
  month: number;
  amount: Decimal;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
}

/** Everything about one sheet's year of progress that the views and the checks need. */
export interface SheetData {
  id: number;
  kind: SheetKind;
  /** Only a published sheet's targets are monitored: drafts take no progress. */
  status: SheetStatus;
  name: string;
  unit: string;
  lead: string;
  year: number;
  /** The fiscal year's period lock: months 1…N are closed for everyone (0: none). See lib/fiscal-years/period-lock.ts. */
  lockedThroughMonth: number;
  position: number;
  scope: SheetScope;
  fundsTotal: Decimal;
  budgetExecutionWeight: Decimal | null;
  indicators: IndicatorData[];
  /** Keyed by `${indicatorId}:${month}`. */
  entries: Map<string, EntryData>;
  months: Map<number, MonthData>;
  adjustments: AdjustmentData[];
}

export const entryKey = (indicatorId: number, month: number) => `${indicatorId}:${month}`;

const dec = (v: { toString(): string } | null): Decimal | null => (v === null ? null : new Decimal(v.toString()));

// One statement for any number of sheets: each sheet with its unit, fiscal year, assignments, indicators, months,
// adjustments and entries as JSON (numbers as text: exact; times as epoch milliseconds; who as display names). A save
// and a progress page read their sheet with it: one round trip instead of one per relation.
const SHEET_DATA_SQL = `
SELECT json_build_object(
  'id', ts."id", 'kind', ts."kind", 'status', ts."status", 'name', ts."name", 'lead', ts."lead", 'position', ts."position",
  'authorId', ts."author_id", 'fundsTotal', ts."funds_total"::text, 'budgetExecutionWeight', ts."budget_execution_weight"::text,
  'unit', u."name", 'departmentId', u."department_id", 'year', fy."year", 'lockedThroughMonth', fy."locked_through_month",
  'assignments', (SELECT COALESCE(json_agg(json_build_object('userId', a."user_id", 'role', a."role") ORDER BY a."id"), '[]'::json)
                    FROM "sheet_assignment" a WHERE a."sheet_id" = ts."id"),
  'indicators', (SELECT COALESCE(json_agg(json_build_object(
                    'id', i."id", 'position', i."position", 'level1', i."level1", 'level2', i."level2", 'name', i."name",
                    'targetRaw', i."target_raw", 'targetOp', i."target_op", 'targetValue', i."target_value"::text, 'targetUnit', i."target_unit",
                    'targetQualitative', i."target_qualitative", 'measureType', i."measure_type", 'version', i."version",
                    'weight', i."weight"::text, 'rule', i."rule", 'evidence', to_json(i."evidence")) ORDER BY i."position"), '[]'::json)
                   FROM "indicator" i WHERE i."sheet_id" = ts."id"),
  'months', (SELECT COALESCE(json_agg(json_build_object(
                'id', sm."id", 'month', sm."month", 'status', sm."status", 'executed', sm."executed"::text, 'reviewComment', sm."review_comment",
                'submittedAt', ${epochMs('sm."submitted_at"')}, 'submittedBy', sub."display_name",
                'reviewedAt', ${epochMs('sm."reviewed_at"')}, 'reviewedBy', rev."display_name", 'version', sm."version")), '[]'::json)
               FROM "sheet_month" sm LEFT JOIN "app_user" sub ON sub."id" = sm."submitted_by_id" LEFT JOIN "app_user" rev ON rev."id" = sm."reviewed_by_id"
              WHERE sm."sheet_id" = ts."id"),
  'adjustments', (SELECT COALESCE(json_agg(json_build_object(
                     'id', ba."id", 'month', ba."month", 'amount', ba."amount"::text, 'reason', ba."reason",
                     'createdBy', cb."display_name", 'createdAt', ${epochMs('ba."created_at"')}) ORDER BY ba."month", ba."id"), '[]'::json)
                    FROM "budget_adjustment" ba LEFT JOIN "app_user" cb ON cb."id" = ba."created_by_id" WHERE ba."sheet_id" = ts."id"),
  'entries', (SELECT COALESCE(json_agg(json_build_object(
                 'id', pe."id", 'indicatorId', pe."indicator_id", 'month', pe."month", 'value', pe."value"::text,
                 'qualitativeValue', pe."qualitative_value", 'likelihood', pe."likelihood", 'forecast', pe."forecast"::text,
                 'deviationReason', pe."deviation_reason", 'improvement', pe."improvement", 'version', pe."version",
                 'updatedBy', ub."display_name", 'updatedAt', ${epochMs('pe."updated_at"')})), '[]'::json)
                FROM "indicator" i JOIN "progress_entry" pe ON pe."indicator_id" = i."id" LEFT JOIN "app_user" ub ON ub."id" = pe."updated_by_id"
               WHERE i."sheet_id" = ts."id")
)::text AS "sheet"
  FROM "target_sheet" ts
  JOIN "budget_unit" u ON u."id" = ts."unit_id"
  JOIN "fiscal_year" fy ON fy."id" = ts."fiscal_year_id"
 WHERE ts."id" = ANY($1::int[])`;

/** A stored time (timestamp(3), UTC as Prisma keeps it) as epoch milliseconds, exact. */
function epochMs(column: string): string {
  return `(extract(epoch FROM ${column}) * 1000)::bigint`;
}

type Json<T> = { [K in keyof T]: T[K] extends Decimal | Prisma.Decimal | null ? string | null : T[K] extends Date | null ? number | null : T[K] };

interface SheetJson {
  id: number;
  kind: SheetKind;
  status: SheetStatus;
  name: string;
  lead: string;
  position: number;
  authorId: number | null;
  fundsTotal: string;
  budgetExecutionWeight: string | null;
  unit: string;
  departmentId: number;
  year: number;
  lockedThroughMonth: number;
  assignments: { userId: number; role: string }[];
  indicators: (Omit<Json<IndicatorData>, "target" | "weight"> & {
    targetOp: "GTE" | "GT" | "EQ" | "LTE" | "LT" | null;
    targetValue: string | null;
    targetUnit: string | null;
    targetQualitative: string | null;
    weight: string;
  })[];
  months: Json<MonthData>[];
  adjustments: Json<AdjustmentData>[];
  entries: Json<EntryData>[];
}

/** Loads a sheet with its indicators, entries, months and adjustments; NOT_FOUND when there is no such sheet. */
export async function loadSheetData(db: Db, sheetId: number): Promise<SheetData> {
  const [sheet] = await loadSheetDataMany(db, [sheetId]);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  return sheet;
}

/** Loads many sheets as loadSheetData does, in one statement, in the order of `sheetIds`; missing ids are left out. */
export async function loadSheetDataMany(db: Db, sheetIds: number[]): Promise<SheetData[]> {
  if (sheetIds.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ sheet: string }[]>(SHEET_DATA_SQL, [...new Set(sheetIds)]);
  const byId = new Map(rows.map((r) => toSheetData(JSON.parse(r.sheet) as SheetJson)).map((s) => [s.id, s]));
  return sheetIds.flatMap((id) => byId.get(id) ?? []);
}

const time = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));

function toSheetData(s: SheetJson): SheetData {
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    name: s.name,
    unit: s.unit,
    lead: s.lead,
    year: s.year,
    lockedThroughMonth: s.lockedThroughMonth,
    position: s.position,
    scope: toSheetScope({ authorId: s.authorId, status: s.status, unit: { departmentId: s.departmentId }, assignments: s.assignments }),
    fundsTotal: new Decimal(s.fundsTotal),
    budgetExecutionWeight: dec(s.budgetExecutionWeight),
    indicators: s.indicators.map((i) => ({
      ...indicatorHead({ ...i, targetValue: i.targetValue === null ? null : new Prisma.Decimal(i.targetValue) }),
      measureType: i.measureType,
      version: i.version,
      weight: new Decimal(i.weight),
      rule: i.rule,
      evidence: i.evidence,
    })),
    entries: new Map(s.entries.map((e) => [entryKey(e.indicatorId, e.month), toEntryData({ ...e, updatedAt: time(e.updatedAt)! }, e.updatedBy)])),
    months: new Map(
      s.months.map((m) => [
        m.month,
        toMonthData({ ...m, submittedAt: time(m.submittedAt), reviewedAt: time(m.reviewedAt) }, { submittedBy: m.submittedBy, reviewedBy: m.reviewedBy }),
      ]),
    ),
    adjustments: s.adjustments.map((a) => ({
      id: a.id,
      month: a.month,
      amount: new Decimal(a.amount!),
      reason: a.reason,
      createdBy: a.createdBy,
      createdAt: time(a.createdAt)!,
    })),
  };
}

/** What SheetData keeps of a stored entry and sheet-month (a Prisma row, or the JSON of SHEET_DATA_SQL). */
type Num = { toString(): string } | null;
type EntryScalars = Omit<EntryData, "value" | "forecast" | "updatedBy"> & { value: Num; forecast: Num };
type MonthScalars = Omit<MonthData, "executed" | "submittedBy" | "reviewedBy"> & { executed: Num };

/** A stored progress entry as SheetData keeps it; `updatedBy`: the display name of who saved it last. */
export function toEntryData(e: EntryScalars, updatedBy: string | null): EntryData {
  return {
    id: e.id,
    indicatorId: e.indicatorId,
    month: e.month,
    value: dec(e.value),
    qualitativeValue: e.qualitativeValue,
    likelihood: e.likelihood,
    forecast: dec(e.forecast),
    deviationReason: e.deviationReason,
    improvement: e.improvement,
    version: e.version,
    updatedBy,
    updatedAt: e.updatedAt,
  };
}

/** A stored sheet-month as SheetData keeps it, with the display names of who submitted and reviewed it. */
export function toMonthData(m: MonthScalars, names: { submittedBy: string | null; reviewedBy: string | null }): MonthData {
  return {
    id: m.id,
    month: m.month,
    status: m.status,
    executed: dec(m.executed),
    reviewComment: m.reviewComment,
    submittedAt: m.submittedAt,
    submittedBy: names.submittedBy,
    reviewedAt: m.reviewedAt,
    reviewedBy: names.reviewedBy,
    version: m.version,
  };
}

/**
 * The sheet as a write leaves it, from what the write stored (the rows its statements returned), without reading the
 * sheet again: the write holds the sheet's lock, so nothing else changed it meanwhile.
 */
export function withWritten(sheet: SheetData, written: { entries?: readonly EntryData[]; month?: MonthData }): SheetData {
  const entries = new Map(sheet.entries);
  for (const e of written.entries ?? []) entries.set(entryKey(e.indicatorId, e.month), e);
  const months = new Map(sheet.months);
  if (written.month) months.set(written.month.month, written.month);
  return { ...sheet, entries, months };
}
