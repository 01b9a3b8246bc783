import "server-only";
import Decimal from "decimal.js";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Likelihood, MeasureType, MonthStatus, QualitativeStatus, SheetKind, SheetStatus } from "@/lib/generated/prisma/enums";
import type { SheetScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/sheets/sheet-lock";
import { sheetScopeInclude, toSheetScope } from "@/lib/sheets/sheet-scope";
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
const userName = { select: { displayName: true } } as const;

export const sheetDataInclude = {
  ...sheetScopeInclude,
  fiscalYear: { select: { year: true, lockedThroughMonth: true } },
  indicators: { orderBy: { position: "asc" } },
  months: { include: { submittedBy: userName, reviewedBy: userName } },
  budgetAdjustments: { orderBy: [{ month: "asc" }, { id: "asc" }], include: { createdBy: userName } },
} satisfies Prisma.TargetSheetInclude;

/** Loads a sheet with its indicators, entries, months and adjustments; NOT_FOUND when there is no such sheet. */
export async function loadSheetData(db: Db, sheetId: number): Promise<SheetData> {
  const [sheet] = await loadSheetDataMany(db, [sheetId]);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  return sheet;
}

/** Loads many sheets as loadSheetData does, in two queries, in the order of `sheetIds`; missing ids are left out. */
export async function loadSheetDataMany(db: Db, sheetIds: number[]): Promise<SheetData[]> {
  if (sheetIds.length === 0) return [];
  const sheets = await db.targetSheet.findMany({ where: { id: { in: sheetIds } }, include: sheetDataInclude });
  if (sheets.length === 0) return [];
  const entries = await db.progressEntry.findMany({
    where: { indicator: { sheetId: { in: sheets.map((s) => s.id) } } },
    include: { updatedBy: userName },
  });
  const sheetOf = new Map(sheets.flatMap((s) => s.indicators.map((i) => [i.id, s.id] as const)));
  const entriesOf = new Map<number, typeof entries>();
  for (const e of entries) {
    const id = sheetOf.get(e.indicatorId);
    if (id === undefined) continue; // an indicator added since the sheets were read
    const list = entriesOf.get(id) ?? [];
    list.push(e);
    entriesOf.set(id, list);
  }
  const byId = new Map(sheets.map((sheet) => [sheet.id, toSheetData(sheet, entriesOf.get(sheet.id) ?? [])]));
  return sheetIds.flatMap((id) => byId.get(id) ?? []);
}

type SheetRow = Prisma.TargetSheetGetPayload<{ include: typeof sheetDataInclude }>;
type EntryRow = Prisma.ProgressEntryGetPayload<{ include: { updatedBy: typeof userName } }>;

function toSheetData(sheet: SheetRow, entries: EntryRow[]): SheetData {
  return {
    id: sheet.id,
    kind: sheet.kind,
    status: sheet.status,
    name: sheet.name,
    unit: sheet.unit.name,
    lead: sheet.lead,
    year: sheet.fiscalYear.year,
    lockedThroughMonth: sheet.fiscalYear.lockedThroughMonth,
    position: sheet.position,
    scope: toSheetScope(sheet),
    fundsTotal: new Decimal(sheet.fundsTotal.toString()),
    budgetExecutionWeight: dec(sheet.budgetExecutionWeight),
    indicators: sheet.indicators.map((i) => ({
      ...indicatorHead(i),
      measureType: i.measureType,
      version: i.version,
      weight: new Decimal(i.weight.toString()),
      rule: i.rule,
      evidence: i.evidence,
    })),
    entries: new Map(entries.map((e) => [entryKey(e.indicatorId, e.month), toEntryData(e, e.updatedBy?.displayName ?? null)])),
    months: new Map(
      sheet.months.map((m) => [m.month, toMonthData(m, { submittedBy: m.submittedBy?.displayName ?? null, reviewedBy: m.reviewedBy?.displayName ?? null })]),
    ),
    adjustments: sheet.budgetAdjustments.map((a) => ({
      id: a.id,
      month: a.month,
      amount: new Decimal(a.amount.toString()),
      reason: a.reason,
      createdBy: a.createdBy?.displayName ?? null,
      createdAt: a.createdAt,
    })),
  };
}

type EntryScalars = Omit<EntryRow, "updatedBy" | "updatedById" | "createdAt">;
type MonthScalars = Omit<SheetRow["months"][number], "submittedBy" | "reviewedBy">;

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
