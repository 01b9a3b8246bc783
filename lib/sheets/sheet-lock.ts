import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { type Action, authorize, type SheetScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { loadSheetScope } from "./sheet-scope";

/** A Prisma client or an open transaction: reads work the same on both. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** What an actor may do to one sheet (the actions `authorize` judges against a sheet's scope). */
export type SheetAction = Extract<Action, { sheet: SheetScope }>["type"];

/**
 * Locks a row for the rest of the transaction (on PostgreSQL; PGlite runs one transaction at a time):
 * `FOR UPDATE` before a delete also holds off inserts that would reference the row (their foreign-key
 * check waits), so "nothing uses it" stays true until the delete commits; `FOR NO KEY UPDATE` keeps the
 * row as read (an audited `before`, a version check) without blocking them. False when the row is not there.
 */
export async function lockRow(
  tx: Prisma.TransactionClient,
  table: "department" | "budget_unit" | "target_sheet",
  id: number,
  mode: "FOR UPDATE" | "FOR NO KEY UPDATE",
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>(Prisma.sql`SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE id = ${id} ${Prisma.raw(mode)}`);
  return rows.length > 0;
}

/**
 * Serialises writers of one sheet: every use case that changes a sheet's progress or evaluations takes this row
 * lock first, inside its transaction, so version checks and writes of two concurrent requests cannot interleave
 * (on PostgreSQL; PGlite runs one transaction at a time anyway). `FOR NO KEY UPDATE` does not block inserts
 * elsewhere that merely reference the sheet (evidence files); `blockReferences` takes `FOR UPDATE`, which
 * does (their foreign-key check waits), for a writer that must see every record of the sheet while it decides.
 */
export async function lockSheet(tx: Prisma.TransactionClient, sheetId: number, options: { blockReferences?: boolean } = {}): Promise<void> {
  const found = await lockRow(tx, "target_sheet", sheetId, options.blockReferences ? "FOR UPDATE" : "FOR NO KEY UPDATE");
  if (!found) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
}

/** Options of an interactive transaction of these use cases: short work, but it may wait for the sheet lock. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

/**
 * The start of every write: the sheet must exist (NOT_FOUND) and the actor may do `action` on it (FORBIDDEN);
 * then the sheet is locked and read afresh with `load`, so the checks that follow see every committed change.
 */
export async function openLockedSheet<T extends { scope: SheetScope }>(
  tx: Prisma.TransactionClient,
  actor: Actor,
  sheetId: number,
  action: SheetAction,
  load: (tx: Prisma.TransactionClient, sheetId: number) => Promise<T>,
): Promise<T> {
  const scope = await loadSheetScope(tx, sheetId);
  if (!scope) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: action, sheet: scope });
  await lockSheet(tx, sheetId);
  const sheet = await load(tx, sheetId);
  authorize(actor, { type: action, sheet: sheet.scope });
  return sheet;
}
