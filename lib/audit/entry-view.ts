import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditVisibility } from "@/lib/auth/authorize";

/**
 * Store conventions of the audit log (append-audit.ts writes, this module reads):
 * - `entityType` is the Prisma model name (`User`, `TargetSheet`, `SheetAssignment`, `ProgressEntry` …),
 *   `entityId` the row's id as a string;
 * - an entry belongs to a sheet when it is about the sheet itself (`TargetSheet` + the sheet's id) or
 *   when its `after` or `before` JSON has `"sheetId": <the sheet's id as a number>` (rows, months,
 *   progress entries, assignments of the sheet must write it); appendAudit records that sheet in the
 *   `sheetId` column, which the sheet filter reads;
 * - the seed's bulk assignment (a `User` entry) names several sheets, an array `after.sheetIds`: it keeps
 *   no `sheetId`, and the sheet filter finds it by that array (among the few `User` entries only);
 * - the entry's department (the `departmentId` column, which scopes what a manager reads) is its sheet's;
 *   for `sheetIds`, the one department of those sheets (null when they span several); otherwise the
 *   `departmentId` its JSON names (users, units); otherwise, for a `User` entry whose JSON has no
 *   `departmentId`, the user's. The migration 20261125170000_audit_sheet backfilled older entries so.
 */

export type JsonValue = Prisma.JsonValue;

export interface AuditEntryView {
  /** The entry's id (a bigint) as a string: the keyset cursor of the list. */
  id: string;
  createdAt: Date;
  /** Who did it; null for the system (seed, CLI). */
  actor: { id: number; username: string; displayName: string } | null;
  /** Verb such as `user.update`, `assignment.create`. */
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue | null;
  after: JsonValue | null;
  /** The sheet the entry belongs to, when it names one that still exists. */
  sheet: { id: number; name: string; year: number } | null;
}

export const auditEntrySelect = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  sheetId: true,
  actor: { select: { id: true, username: true, displayName: true } },
} satisfies Prisma.AuditLogSelect;

type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditEntrySelect }>;

/** Entries that belong to a sheet (see the conventions above). */
export function sheetEntriesWhere(sheetId: number): Prisma.AuditLogWhereInput {
  return {
    OR: [
      { sheetId },
      // Only `User` entries may name several sheets: the (entity type, id) index keeps this scan small.
      { sheetId: null, entityType: "User", after: { path: ["sheetIds"], array_contains: [sheetId] } },
    ],
  };
}

/** `auditVisibility` as a Prisma filter. */
export function visibleAuditWhere(visibility: AuditVisibility): Prisma.AuditLogWhereInput {
  if ("all" in visibility) return {};
  if ("none" in visibility) return { id: BigInt(-1) };
  return { departmentId: visibility.departmentId };
}

const MAX_INT = 2_147_483_647;

/** A database id (a positive 32-bit integer), or null. */
const asId = (value: unknown): number | null => (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_INT ? value : null);

const asObject = (json: unknown): Record<string, unknown> | null =>
  json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : null;

/** `json[key]` when it is an id, else null. */
const idIn = (json: unknown, key: string): number | null => asId(asObject(json)?.[key]);

type NamedEntry = { entityType: string; entityId: string; before: unknown; after: unknown };

/** The sheet an entry names, by the conventions above (null when it names none, or several). */
export function sheetIdOfEntry(entry: NamedEntry): number | null {
  if (entry.entityType === "TargetSheet") return /^[1-9]\d{0,9}$/.test(entry.entityId) ? asId(Number(entry.entityId)) : null;
  return idIn(entry.after, "sheetId") ?? idIn(entry.before, "sheetId");
}

/** The sheets of an entry that names several (`after.sheetIds`); null when it has no such array. */
export function sheetIdsOfEntry(entry: NamedEntry): number[] | null {
  const ids = asObject(entry.after)?.sheetIds;
  return Array.isArray(ids) ? ids.map(asId).filter((id): id is number => id !== null) : null;
}

/**
 * The department an entry's JSON names (`departmentId` of `after`, else of `before`): a number, null
 * when it names one that is null (a user without a department), undefined when it has no such key.
 */
export function departmentIdNamedBy(entry: NamedEntry): number | null | undefined {
  const has = (json: unknown) => "departmentId" in (asObject(json) ?? {});
  if (!has(entry.after) && !has(entry.before)) return undefined;
  return idIn(entry.after, "departmentId") ?? idIn(entry.before, "departmentId");
}

/** Rows as views, with the names of the sheets they belong to (one query for the whole page). */
export async function toEntryViews(prisma: Pick<PrismaClient, "targetSheet">, rows: AuditRow[]): Promise<AuditEntryView[]> {
  const ids = [...new Set(rows.map((row) => row.sheetId).filter((id): id is number => id !== null))];
  const sheets = ids.length
    ? await prisma.targetSheet.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, fiscalYear: { select: { year: true } } } })
    : [];
  const byId = new Map(sheets.map((s) => [s.id, { id: s.id, name: s.name, year: s.fiscalYear.year }]));
  return rows.map((row) => ({
    id: row.id.toString(),
    createdAt: row.createdAt,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    sheet: row.sheetId === null ? null : (byId.get(row.sheetId) ?? null),
  }));
}
