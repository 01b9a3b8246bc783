import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type AuditEntry, appendAudit, knowSheetDepartment, openAuditBatch } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { type Action, authorize, type SheetScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { refreshFigures } from "@/lib/figures/refresh-sheet-figures";
import { lockSheet, openLockedSheet, type SheetAction, TX_OPTIONS } from "./sheet-lock";
import { loadSheetScope } from "./sheet-scope";

/**
 * The one write path of sheet data (docs/architecture.md): every use case that changes what a sheet records —
 * progress, 执行数, 调整预算, evidence, review, evaluation, 自评, 指标调整, import, publish, rollover, 计量方式,
 * reopening — runs its work through `writeSheet`, which
 * 1. opens the transaction (TX_OPTIONS: short work that may wait for the sheet lock),
 * 2. authorizes the actor (lib/auth/authorize.ts) and locks the sheet row (lockSheet), then reads the sheet afresh
 *    and authorizes again against what it read, so every check of the work sees every committed change,
 * 3. runs the work with the transaction,
 * 4. appends the audit entries the work records (in the same transaction, in one statement once the work is done),
 * 5. recomputes the sheet's figures (lib/figures) of the months its changes reach, so the scorecard never reads a
 *    write's old figures.
 * No other module locks a sheet or refreshes its figures (lib/architecture.test.ts fails the build if one does).
 */

type Tx = Prisma.TransactionClient;

/** What the work of a write is given. */
export interface SheetWrite {
  tx: Tx;
  actor: Actor;
  /** The clock of the write (tests pass one): the figures are computed for it too. */
  now: Date;
  /** Records an audit entry of this write: appended, in its transaction, when the work has done (so in one statement). */
  audit(entry: AuditEntry): Promise<void>;
}

/** A write over several sheets (import, rollover): it names the sheets it locks and the sheets it changes. */
export interface SheetsWrite extends SheetWrite {
  /** Locks these existing sheets (in id order, so two bulk writes cannot deadlock); `FOR UPDATE` as lockSheet. */
  lock(sheetIds: readonly number[], options?: { blockReferences?: boolean }): Promise<void>;
  /** The write changed this sheet (created, replaced, copied): its figures are recomputed before the commit. */
  changed(sheetId: number): void;
}

/** One sheet: the action the actor needs on it, and how the work reads it once it is locked. */
export interface OneSheet<S extends { scope: SheetScope }> {
  /** The sheet, or how to find it inside the transaction (e.g. from one of its rows). */
  sheetId: number | ((tx: Tx) => Promise<number>);
  action: SheetAction;
  load: (tx: Tx, sheetId: number) => Promise<S>;
}

/**
 * Several existing sheets, each authorized for the same action (a lead's progress workbook over their sheets):
 * every one is authorized, locked (in id order, so two such writes cannot deadlock) and read afresh as for one
 * sheet, the work gets them in the order of `sheetIds`, and every one's figures are recomputed before the commit.
 */
export interface EachSheet<S extends { scope: SheetScope }> {
  sheetIds: readonly number[];
  action: SheetAction;
  load: (tx: Tx, sheetId: number) => Promise<S>;
}

/** Several sheets: the action is on no one sheet (`sheets.import`, `sheets.rollover`). */
export interface ManySheets {
  action: Extract<Action, { type: string; sheet?: never }>;
  /** A bulk write may run longer than one sheet's. */
  timeout?: number;
}

export interface WriteOptions {
  now?: Date;
  /** Other transaction limits than TX_OPTIONS (a write that stores a file while it holds the lock). */
  limits?: { maxWait: number; timeout: number };
}

export function writeSheet<S extends { scope: SheetScope }, T>(
  db: PrismaClient,
  actor: Actor,
  target: OneSheet<S>,
  work: (sheet: S, write: SheetWrite) => Promise<T>,
  options?: WriteOptions,
): Promise<T>;
export function writeSheet<S extends { scope: SheetScope }, T>(
  db: PrismaClient,
  actor: Actor,
  target: EachSheet<S>,
  work: (sheets: S[], write: SheetWrite) => Promise<T>,
  options?: WriteOptions,
): Promise<T>;
export function writeSheet<T>(db: PrismaClient, actor: Actor, target: ManySheets, work: (write: SheetsWrite) => Promise<T>, options?: WriteOptions): Promise<T>;
export async function writeSheet<S extends { scope: SheetScope }, T>(
  db: PrismaClient,
  actor: Actor,
  target: OneSheet<S> | EachSheet<S> | ManySheets,
  work: ((sheet: S, write: SheetWrite) => Promise<T>) | ((sheets: S[], write: SheetWrite) => Promise<T>) | ((write: SheetsWrite) => Promise<T>),
  options: WriteOptions = {},
): Promise<T> {
  const now = options.now ?? new Date();
  if (!("load" in target)) authorize(actor, target.action);
  if ("sheetIds" in target && target.sheetIds.length === 0) throw new AppError("INVALID", "没有要写入的绩效目标表");
  const run = async (tx: Tx): Promise<T> => {
    const changed = new Set<number>();
    // Every entry appended in this transaction, the work's and its helpers' alike, waits to be appended in one statement.
    const audits = openAuditBatch(tx);
    const write: SheetsWrite = {
      tx,
      actor,
      now,
      audit: (entry) => appendAudit(tx, actor, entry),
      async lock(sheetIds, lockOptions = {}) {
        for (const id of [...new Set(sheetIds)].sort((a, b) => a - b)) await lockSheet(tx, id, lockOptions);
      },
      changed: (sheetId) => void changed.add(sheetId),
    };
    let result: T;
    if ("sheetIds" in target) {
      const byId = new Map<number, S>();
      for (const id of [...new Set(target.sheetIds)].sort((a, b) => a - b)) {
        const sheet = await openLockedSheet(tx, actor, id, target.action, target.load);
        knowSheetDepartment(tx, id, sheet.scope.departmentId);
        byId.set(id, sheet);
        changed.add(id);
      }
      result = await (work as (sheets: S[], write: SheetWrite) => Promise<T>)(
        target.sheetIds.map((id) => byId.get(id)!),
        write,
      );
    } else if ("load" in target) {
      const sheetId = typeof target.sheetId === "number" ? target.sheetId : await target.sheetId(tx);
      const sheet = await openLockedSheet(tx, actor, sheetId, target.action, target.load);
      // Its audit entries' department, known from the scope just read.
      knowSheetDepartment(tx, sheetId, sheet.scope.departmentId);
      changed.add(sheetId);
      result = await (work as (sheet: S, write: SheetWrite) => Promise<T>)(sheet, write);
    } else {
      result = await (work as (write: SheetsWrite) => Promise<T>)(write);
    }
    await audits.flush();
    // Only the months the work's changes reach (the triggers mark them stale): a save of July recomputes July…December.
    await refreshFigures(tx, [...changed], { onlyStale: true });
    return result;
  };
  // Several sheets may wait longer for their locks; one sheet's write is short.
  const many = "sheetIds" in target || !("load" in target);
  const timeout = "timeout" in target ? target.timeout : undefined;
  const limits = options.limits ?? (many ? { maxWait: 30_000, timeout: timeout ?? TX_OPTIONS.timeout } : TX_OPTIONS);
  return db.$transaction(run, limits);
}

/** The load of a write that needs nothing of the sheet but who may change it (evidence). */
export async function loadScope(tx: Tx, sheetId: number): Promise<{ id: number; scope: SheetScope }> {
  const scope = await loadSheetScope(tx, sheetId);
  if (!scope) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  return { id: sheetId, scope };
}
