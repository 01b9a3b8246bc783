import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { type AssignmentInput, type AssignmentResult, assignmentRequest, assignmentSchema, assignmentSnapshot, loadAssignmentParties } from "./fields";

export const unassignSchema = assignmentSchema;

/**
 * Removes a user's lead or evaluator duty on a sheet (admins only). Removing what is not there changes
 * nothing and says so. One transaction; one audit entry `assignment.delete` (entity SheetAssignment,
 * `before` has sheetId).
 */
export async function unassign(prisma: PrismaClient, actor: Actor, input: AssignmentInput): Promise<AssignmentResult> {
  const { sheetId, userId, role, duty } = assignmentRequest(actor, input);
  return prisma.$transaction(async (tx) => {
    const { sheet, user } = await loadAssignmentParties(tx, sheetId, userId);
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
