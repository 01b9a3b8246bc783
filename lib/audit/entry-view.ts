import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Store conventions of the audit log (append-audit.ts writes, this module reads):
 * - `entityType` is the Prisma model name (`User`, `TargetSheet`, `SheetAssignment`, `ProgressEntry` …),
 *   `entityId` the row's id as a string;
 * - an entry belongs to a sheet when it is about the sheet itself (`TargetSheet` + the sheet's id) or
 *   when its `after` or `before` JSON has `"sheetId": <the sheet's id as a number>` (rows, months,
 *   progress entries, assignments of the sheet must write it), or — the seed's bulk assignment — an
 *   array `"sheetIds"` holding it.
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
  actor: { select: { id: true, username: true, displayName: true } },
} satisfies Prisma.AuditLogSelect;

type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof auditEntrySelect }>;

/** Entries that belong to a sheet (see the conventions above). */
export function sheetEntriesWhere(sheetId: number): Prisma.AuditLogWhereInput {
  return {
    OR: [
      { entityType: "TargetSheet", entityId: String(sheetId) },
      { after: { path: ["sheetId"], equals: sheetId } },
      { before: { path: ["sheetId"], equals: sheetId } },
      { after: { path: ["sheetIds"], array_contains: [sheetId] } },
    ],
  };
}

const sheetIdIn = (json: JsonValue | null): number | null => {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return null;
  const id = (json as Record<string, JsonValue>).sheetId;
  return typeof id === "number" && Number.isInteger(id) ? id : null;
};

/** The sheet an entry names, by the conventions above (null when it names none, or several). */
export function sheetIdOfEntry(entry: { entityType: string; entityId: string; before: JsonValue | null; after: JsonValue | null }): number | null {
  if (entry.entityType === "TargetSheet") return /^\d+$/.test(entry.entityId) ? Number(entry.entityId) : null;
  return sheetIdIn(entry.after) ?? sheetIdIn(entry.before);
}

/** Rows as views, with the names of the sheets they belong to (one query for the whole page). */
export async function toEntryViews(prisma: Pick<PrismaClient, "targetSheet">, rows: AuditRow[]): Promise<AuditEntryView[]> {
  const ids = [...new Set(rows.map(sheetIdOfEntry).filter((id): id is number => id !== null && id <= 2_147_483_647))];
  const sheets = ids.length
    ? await prisma.targetSheet.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, fiscalYear: { select: { year: true } } } })
    : [];
  const byId = new Map(sheets.map((s) => [s.id, { id: s.id, name: s.name, year: s.fiscalYear.year }]));
  return rows.map((row) => {
    const sheetId = sheetIdOfEntry(row);
    return {
      id: row.id.toString(),
      createdAt: row.createdAt,
      actor: row.actor,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      sheet: sheetId === null ? null : (byId.get(sheetId) ?? null),
    };
  });
}
