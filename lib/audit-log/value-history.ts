import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { auditVisibility, authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { type AuditEntryView, auditEntrySelect, toEntryViews } from "@/lib/audit/entry-view";

export const valueHistorySchema = z.object({
  /** Prisma model name, e.g. `ProgressEntry`. */
  entityType: z
    .string({ error: "缺少对象类型" })
    .trim()
    .regex(/^[A-Z][A-Za-z]{0,39}$/, "对象类型有误"),
  /** The row's id. */
  entityId: z.coerce.string({ error: "缺少对象编号" }).trim().min(1, "缺少对象编号").max(40, "对象编号有误"),
});

export type ValueHistoryInput = z.input<typeof valueHistorySchema>;

export interface ValueHistory {
  entityType: string;
  entityId: string;
  /** The sheet the entity belongs to, when it belongs to one that still exists. */
  sheetId: number | null;
  /** Oldest first. */
  entries: AuditEntryView[];
}

type Db = Pick<
  Prisma.TransactionClient,
  | "targetSheet"
  | "indicator"
  | "sheetMonth"
  | "progressEntry"
  | "budgetAdjustment"
  | "evidenceFile"
  | "sheetAssignment"
  | "targetAdjustment"
  | "evaluation"
  | "evaluationRow"
>;

/** Rows that belong to a sheet: how to find the sheet of one (null when the row no longer exists). */
const SHEET_OF_ROW: Record<string, (db: Db, id: number) => Promise<number | null>> = {
  TargetSheet: async (db, id) => (await db.targetSheet.findUnique({ where: { id }, select: { id: true } }))?.id ?? null,
  Indicator: async (db, id) => (await db.indicator.findUnique({ where: { id }, select: { sheetId: true } }))?.sheetId ?? null,
  SheetMonth: async (db, id) => (await db.sheetMonth.findUnique({ where: { id }, select: { sheetId: true } }))?.sheetId ?? null,
  ProgressEntry: async (db, id) =>
    (await db.progressEntry.findUnique({ where: { id }, select: { indicator: { select: { sheetId: true } } } }))?.indicator.sheetId ?? null,
  BudgetAdjustment: async (db, id) => (await db.budgetAdjustment.findUnique({ where: { id }, select: { sheetId: true } }))?.sheetId ?? null,
  EvidenceFile: async (db, id) => (await db.evidenceFile.findUnique({ where: { id }, select: { sheetId: true } }))?.sheetId ?? null,
  SheetAssignment: async (db, id) => (await db.sheetAssignment.findUnique({ where: { id }, select: { sheetId: true } }))?.sheetId ?? null,
  TargetAdjustment: async (db, id) =>
    (await db.targetAdjustment.findUnique({ where: { id }, select: { indicator: { select: { sheetId: true } } } }))?.indicator.sheetId ?? null,
  Evaluation: async (db, id) => (await db.evaluation.findUnique({ where: { id }, select: { sheetId: true } }))?.sheetId ?? null,
  EvaluationRow: async (db, id) =>
    (await db.evaluationRow.findUnique({ where: { id }, select: { evaluation: { select: { sheetId: true } } } }))?.evaluation.sheetId ?? null,
};

/**
 * "Each value shows its history": the audit entries of one entity, oldest first. Who may see it: for
 * a row of a sheet (the sheet, its indicators, months, progress entries, budget and target adjustments,
 * evidence, assignments, evaluations), whoever may read the sheet; for anything else (users …), whoever
 * may read the audit log, and only the entries they may read there (`auditVisibility`: a manager, those
 * of their department) — refused when that leaves none of the entity's entries.
 */
export async function valueHistory(prisma: PrismaClient, actor: Actor, input: ValueHistoryInput): Promise<ValueHistory> {
  const { entityType, entityId } = parseInput(valueHistorySchema, input, "参数有误");
  const rows = await prisma.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    // The department too: a manager's share of the entries is filtered from these rows below.
    select: { ...auditEntrySelect, departmentId: true },
  });
  const sheetOfRow = SHEET_OF_ROW[entityType];
  let sheetId: number | null = null;
  if (sheetOfRow) {
    const id = /^\d{1,10}$/.test(entityId) ? Number(entityId) : NaN;
    const live = Number.isSafeInteger(id) && id <= 2_147_483_647 ? await sheetOfRow(prisma, id) : null;
    // A deleted row is judged by the sheet its last entries named.
    sheetId = live ?? rows.map((row) => row.sheetId).findLast((s) => s !== null) ?? null;
    if (live === null && rows.length === 0) throw new AppError("NOT_FOUND", "找不到该记录");
  }
  const scope = sheetId === null ? null : await loadSheetScope(prisma, sheetId);
  if (scope) {
    authorize(actor, { type: "sheet.read", sheet: scope });
    return { entityType, entityId, sheetId, entries: await toEntryViews(prisma, rows) };
  }
  authorize(actor, { type: "audit.read" });
  const visibility = auditVisibility(actor);
  // What visibleAuditWhere filters in the database, applied to the rows already read.
  const visible = "all" in visibility ? rows : "none" in visibility ? [] : rows.filter((row) => row.departmentId === visibility.departmentId);
  if (visible.length === 0 && rows.length > 0) throw new AppError("FORBIDDEN", "无权执行此操作");
  return { entityType, entityId, sheetId: null, entries: await toEntryViews(prisma, visible) };
}
