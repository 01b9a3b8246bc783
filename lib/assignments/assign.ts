import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { notifyAssigned } from "@/lib/notifications/sheet-events";
import { ROLE_NAME } from "@/lib/users/fields";
import { type AssignmentInput, type AssignmentResult, assignmentRequest, assignmentSchema, assignmentSnapshot, loadAssignmentParties } from "./fields";

export const assignSchema = assignmentSchema;

/**
 * Makes a user lead or evaluator of a sheet (admins only). A lead duty needs an active user with the
 * role LEAD, an evaluator duty one with the role EVALUATOR. Assigning twice changes nothing and says so.
 * One transaction; one audit entry `assignment.create` (entity SheetAssignment, `after` has sheetId).
 */
export async function assign(prisma: PrismaClient, actor: Actor, input: AssignmentInput): Promise<AssignmentResult> {
  const { sheetId, userId, role, duty } = assignmentRequest(actor, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const { sheet, user } = await loadAssignmentParties(tx, sheetId, userId);
      if (user.role !== role) {
        const message = `「${user.displayName}」的角色是${ROLE_NAME[user.role]}，不能分配为${duty}`;
        throw new AppError("INVALID", message, [{ path: "userId", message }]);
      }
      if (!user.active) {
        const message = `「${user.displayName}」的账号已停用，不能分配`;
        throw new AppError("INVALID", message, [{ path: "userId", message }]);
      }
      const existing = await tx.sheetAssignment.findUnique({ where: { sheetId_userId_role: { sheetId, userId, role } }, select: { id: true } });
      if (existing) return { changed: false, message: `「${user.displayName}」已是「${sheet.name}」的${duty}，无需重复分配` };
      const created = await tx.sheetAssignment.create({ data: { sheetId, userId, role }, select: { id: true, sheetId: true, userId: true, role: true } });
      await notifyAssigned(tx, { sheetId, userId, role, assignmentId: created.id, at: new Date() });
      await appendAudit(tx, actor, {
        action: "assignment.create",
        entityType: "SheetAssignment",
        entityId: created.id,
        after: assignmentSnapshot(created, sheet.name, user.displayName),
      });
      return { changed: true, message: `已将「${user.displayName}」分配为「${sheet.name}」的${duty}` };
    });
  } catch (error) {
    // Someone assigned the same user at the same moment: the result is what was asked for.
    if (isUniqueViolation(error)) return { changed: false, message: `该用户已是该绩效目标表的${duty}，无需重复分配` };
    throw error;
  }
}
