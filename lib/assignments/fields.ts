import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignmentRole } from "@/lib/generated/prisma/enums";
import { idOf, idSchema, ROLE_NAME } from "@/lib/users/fields";

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
