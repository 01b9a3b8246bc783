import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import {
  type AssignmentInput,
  type AssignmentResult,
  assignmentRoleName,
  assignmentSchema,
  assignmentSnapshot,
  sheetForAssignment,
  userForAssignment,
} from "./fields";

export const unassignSchema = assignmentSchema;

/**
 * Removes a user's lead or evaluator duty on a sheet (admins only). Removing what is not there changes
 * nothing and says so. One transaction; one audit entry `assignment.delete` (entity SheetAssignment,
 * `before` has sheetId).
 */
export async function unassign(prisma: PrismaClient, actor: Actor, input: AssignmentInput): Promise<AssignmentResult> {
  authorize(actor, { type: "assignment.manage" });
  const { sheetId, userId, role } = parseInput(unassignSchema, input, "分工信息有误");
  const duty = assignmentRoleName(role);
  return prisma.$transaction(async (tx) => {
    const [sheet, user] = await Promise.all([
      tx.targetSheet.findUnique({ where: { id: sheetId }, select: sheetForAssignment }),
      tx.user.findUnique({ where: { id: userId }, select: userForAssignment }),
    ]);
    if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
    if (!user) throw new AppError("NOT_FOUND", "找不到该用户");
    const existing = await tx.sheetAssignment.findUnique({
      where: { sheetId_userId_role: { sheetId, userId, role } },
      select: { id: true, sheetId: true, userId: true, role: true },
    });
    const notThere = { changed: false, message: `「${user.displayName}」不是「${sheet.name}」的${duty}，无需移除` };
    if (!existing) return notThere;
    // deleteMany: a concurrent removal leaves 0 rows to delete instead of an error.
    const { count } = await tx.sheetAssignment.deleteMany({ where: { id: existing.id } });
    if (count === 0) return notThere;
    await appendAudit(tx, actor, {
      action: "assignment.delete",
      entityType: "SheetAssignment",
      entityId: existing.id,
      before: assignmentSnapshot(existing, sheet.name, user.displayName),
    });
    return { changed: true, message: `已取消「${user.displayName}」在「${sheet.name}」的${duty}分工` };
  });
}
