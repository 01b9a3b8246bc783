import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { departmentIdNamedBy, sheetIdOfEntry, sheetIdsOfEntry } from "./entry-view";

type Tx = Pick<Prisma.TransactionClient, "auditLog" | "targetSheet" | "user" | "$executeRaw">;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

type Named = { entityType: string; entityId: string; before: unknown; after: unknown };

/** JSON as the log stores it (no undefined keys, dates as strings): what the migration's backfill sees too. */
const asStored = (json: Prisma.InputJsonValue | null | undefined): unknown => (json == null ? null : JSON.parse(JSON.stringify(json)));

/**
 * Sheet → department, per transaction: a caller appending in a loop (the rows of a sheet) reads the
 * sheet's department once. A sheet never changes department (its unit may change only within the
 * department) and is never deleted, so a found department stays true for the transaction; a sheet not
 * found is not remembered (it may be created later in the same transaction). Only transaction clients
 * are keyed (they lack `$connect`): a cache on the long-lived client would outlive the request.
 */
const sheetDepartments = new WeakMap<object, Map<number, number>>();

function sheetDepartmentsOf(tx: Tx): Map<number, number> {
  if ("$connect" in tx) return new Map();
  let cache = sheetDepartments.get(tx);
  if (!cache) {
    cache = new Map();
    sheetDepartments.set(tx, cache);
  }
  return cache;
}

/**
 * Tells the transaction's cache a sheet's department already read (a sheet write has it from the sheet's scope), so
 * its audit entries need no query for it.
 */
export function knowSheetDepartment(tx: Tx, sheetId: number, departmentId: number): void {
  sheetDepartmentsOf(tx).set(sheetId, departmentId);
}

/** The one department of these sheets; null when there is none (the sheets are gone) or several. */
async function departmentOfSheets(tx: Tx, sheetIds: number[]): Promise<number | null> {
  if (sheetIds.length === 0) return null;
  const cache = sheetDepartmentsOf(tx);
  const missing = [...new Set(sheetIds.filter((id) => !cache.has(id)))];
  if (missing.length > 0) {
    const sheets = await tx.targetSheet.findMany({ where: { id: { in: missing } }, select: { id: true, unit: { select: { departmentId: true } } } });
    for (const s of sheets) cache.set(s.id, s.unit.departmentId);
  }
  const departments = new Set(sheetIds.filter((id) => cache.has(id)).map((id) => cache.get(id)!));
  return departments.size === 1 ? [...departments][0]! : null;
}

/**
 * The department an entry belongs to, by the conventions of entry-view.ts (the migration
 * 20261125170000_audit_sheet applies the same rules to older entries): read in the caller's transaction,
 * so a sheet or user created in it is found.
 */
async function departmentOfEntry(tx: Tx, entry: Named, sheetId: number | null): Promise<number | null> {
  if (sheetId !== null) return departmentOfSheets(tx, [sheetId]);
  const sheetIds = sheetIdsOfEntry(entry);
  if (sheetIds) return departmentOfSheets(tx, sheetIds);
  const named = departmentIdNamedBy(entry);
  if (named !== undefined) return named;
  if (entry.entityType !== "User" || !/^[1-9]\d{0,9}$/.test(entry.entityId)) return null;
  // A user entry whose JSON does not say (a password reset, a lock): the user's department.
  const user = await tx.user.findUnique({ where: { id: Number(entry.entityId) }, select: { departmentId: true } });
  return user?.departmentId ?? null;
}

/**
 * Appends to the audit log inside the caller's transaction, so the change and its record stand or fall
 * together. It also records the sheet and department the entry belongs to (derived here, once, rather
 * than by every caller), which the 操作日志 filters and scopes by. Inside a sheet write (openAuditBatch) the entry
 * joins the write's batch, in order, appended in one statement as the write commits.
 */
export async function appendAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  const batch = batches.get(tx);
  if (batch) batch.push({ actor, entry: auditSnapshot(entry) });
  else await tx.auditLog.create({ data: await auditRecord(tx, actor, entry) });
}

type Pending = { actor: Actor; entry: AuditEntry };
const batches = new WeakMap<object, Pending[]>();

/**
 * From now on the entries appended in `tx` wait in a batch until `flush` appends them all, in their order, in one
 * statement (lib/sheets/write-sheet.ts: a save's rows, its 执行数 and their audit cost one INSERT, not one each).
 */
export function openAuditBatch(tx: Tx): { flush(): Promise<void> } {
  const pending: Pending[] = [];
  batches.set(tx, pending);
  return {
    async flush() {
      batches.delete(tx);
      if (pending.length === 0) return;
      const data: Prisma.AuditLogCreateManyInput[] = [];
      for (const { actor, entry } of pending) data.push(await auditRecord(tx, actor, entry));
      await insertRecords(tx, data);
    },
  };
}

/**
 * The records in one INSERT, in their order (ids ascending as they were appended). Raw SQL: the ORM's createMany is
 * a differently shaped query for every number of rows, compiled anew each time. The time is the client's, stored as
 * UTC as every timestamp here (not the database's default, which follows its own time zone).
 */
async function insertRecords(tx: Tx, data: Prisma.AuditLogCreateManyInput[]): Promise<void> {
  const rows = JSON.stringify(
    data.map((r, ord) => ({
      ord,
      actor_id: r.actorId ?? null,
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
      sheet_id: r.sheetId ?? null,
      department_id: r.departmentId ?? null,
    })),
  );
  const now = new Date().toISOString();
  await tx.$executeRaw`
    INSERT INTO "audit_log" ("actor_id", "action", "entity_type", "entity_id", "before", "after", "sheet_id", "department_id", "created_at")
    SELECT v."actor_id", v."action", v."entity_type", v."entity_id", v."before", v."after", v."sheet_id", v."department_id",
           ${now}::timestamptz AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${rows}::jsonb) AS v("ord" int, "actor_id" int, "action" text, "entity_type" text, "entity_id" text,
                                                   "before" jsonb, "after" jsonb, "sheet_id" int, "department_id" int)
     ORDER BY v."ord"`;
}

/** The entry as it stands now, its JSON copied: recorded now and appended later, it keeps what it said. */
const auditSnapshot = (entry: AuditEntry): AuditEntry => ({
  ...entry,
  before: asStored(entry.before) as Prisma.InputJsonValue | null,
  after: asStored(entry.after) as Prisma.InputJsonValue | null,
});

async function auditRecord(tx: Tx, actor: Actor, entry: AuditEntry): Promise<Prisma.AuditLogCreateManyInput> {
  const named: Named = { entityType: entry.entityType, entityId: String(entry.entityId), before: asStored(entry.before), after: asStored(entry.after) };
  const sheetId = sheetIdOfEntry(named);
  return {
    actorId: actorId(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: named.entityId,
    before: entry.before ?? undefined,
    after: entry.after ?? undefined,
    sheetId,
    departmentId: await departmentOfEntry(tx, named, sheetId),
  };
}
