import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignmentRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { idOf, idSchema } from "@/lib/input";
import { ROLE_NAME } from "@/lib/users/fields";

/** One duty of one user on one sheet: what assign and unassign take. */
export const assignmentSchema = z.object({
  sheetId: idSchema,
  userId: idOf("请选择人员"),
  role: z.enum(["LEAD", "EVALUATOR"], { error: "分工应为项目负责人或评价人" }),
});

export type AssignmentInput = z.input<typeof assignmentSchema>;

export interface AssignmentResult {
  /** False when the assignment already was (assign) or already was not (unassign) there. */
  changed: boolean;
  /** What happened, in a sentence for the page. */
  message: string;
}

export const assignmentRoleName = (role: AssignmentRole) => ROLE_NAME[role];

/** What the audit log keeps of an assignment: ids (sheetId for the sheet filter) and names for reading. */
export const assignmentSnapshot = (a: { id: number; sheetId: number; userId: number; role: AssignmentRole }, sheet: string, user: string) =>
  ({ id: a.id, sheetId: a.sheetId, sheet, userId: a.userId, user, role: a.role }) satisfies Prisma.InputJsonObject;

/** The sheet and user an assignment names, with the checks both use cases share. */
export const sheetForAssignment = { id: true, name: true } satisfies Prisma.TargetSheetSelect;
export const userForAssignment = { id: true, displayName: true, role: true, active: true } satisfies Prisma.UserSelect;

/** The start of assign and unassign: admins only (FORBIDDEN), then the input checked (INVALID), with the duty's name. */
export function assignmentRequest(actor: Actor, input: AssignmentInput) {
  authorize(actor, { type: "assignment.manage" });
  const { sheetId, userId, role } = parseInput(assignmentSchema, input, "分工信息有误");
  return { sheetId, userId, role, duty: assignmentRoleName(role) };
}

/** The sheet and user an assignment names, read in the transaction; NOT_FOUND when either is not there. */
export async function loadAssignmentParties(tx: Prisma.TransactionClient, sheetId: number, userId: number) {
  // One after the other: a transaction is one connection, and pg serializes (and will refuse) overlapping queries.
  const sheet = await tx.targetSheet.findUnique({ where: { id: sheetId }, select: sheetForAssignment });
  const user = await tx.user.findUnique({ where: { id: userId }, select: userForAssignment });
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  if (!user) throw new AppError("NOT_FOUND", "找不到该用户");
  return { sheet, user };
}
