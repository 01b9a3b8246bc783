import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SheetStatus } from "@/lib/generated/prisma/enums";
import { can, type SheetScope } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { sheetScopeInclude, toSheetScope } from "@/lib/sheets/sheet-scope";
import { headerSelect } from "./records";

type Tx = Prisma.TransactionClient;

export const STATUS_LABEL: Readonly<Record<SheetStatus, string>> = { DRAFT: "草稿", SUBMITTED: "待审核", PUBLISHED: "已发布" };

/** A sheet's header, status, version and what the rules need, or NOT_FOUND. */
export async function loadSheetForChange(tx: Tx, sheetId: number) {
  const sheet = await tx.targetSheet.findUnique({
    where: { id: sheetId },
    select: {
      ...headerSelect,
      version: true,
      authorId: true,
      unitId: true,
      fiscalYearId: true,
      unit: { select: { name: true, departmentId: true } },
      assignments: sheetScopeInclude.assignments,
    },
  });
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  return { ...sheet, scope: toSheetScope(sheet) };
}

/** Refuses a save based on another version than the stored one. */
export function assertVersion(stored: number, given: number): void {
  if (stored !== given) throw new AppError("CONFLICT", "该绩效目标表已被他人修改，请刷新页面后重试（您填写的内容仍保留在表单中）");
}

/**
 * Takes the optimistic lock: bumps the version only if it is still the one the change was based on.
 * A concurrent save that got there first makes this one a CONFLICT.
 */
export async function bumpSheetVersion(tx: Tx, sheetId: number, version: number, data: Prisma.TargetSheetUpdateManyMutationInput = {}): Promise<number> {
  const updated = await tx.targetSheet.updateMany({ where: { id: sheetId, version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) assertVersion(-1, version);
  return version + 1;
}

/**
 * Whether the sheet's state lets this actor change its header and rows (the rules allowed `sheet.edit`):
 * a draft, yes; a submitted draft, only its approvers; a published sheet, never (target adjustments).
 */
export function isEditable(actor: Actor, status: SheetStatus, scope: SheetScope): boolean {
  return status === "DRAFT" || (status === "SUBMITTED" && can(actor, { type: "sheet.publish", sheet: scope }));
}

/** isEditable, or LOCKED saying why not. */
export function assertEditable(actor: Actor, status: SheetStatus, scope: SheetScope): void {
  if (isEditable(actor, status, scope)) return;
  if (status === "PUBLISHED") throw new AppError("LOCKED", "绩效目标表已发布，只能通过指标调整修改指标值");
  throw new AppError("LOCKED", "绩效目标表已提交审核，审核通过或退回前不能修改");
}
