import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError, type Problem } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { displayNameSchema, formBoolean, ROLE_NAME, roleSchema, toUserSnapshot, type UserSnapshot, userSnapshotSelect } from "./fields";
import { idSchema } from "@/lib/input";

/** Every field but `id` is optional: what is left out stays as it is. */
export const updateUserSchema = z.object({
  id: idSchema,
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  /** Name of the department; "" or null: none. */
  department: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v)),
  active: formBoolean.optional(),
});

export type UpdateUserInput = z.input<typeof updateUserSchema>;

export interface UpdateUserResult {
  user: UserSnapshot;
  /** False when the input matched the user as stored: nothing was written, nothing audited. */
  changed: boolean;
}

/**
 * Changes a user's display name, role, department or active flag (admins only). An admin cannot
 * deactivate or demote themself, and a role cannot change while the user still holds assignments of
 * the old role (they would lead or evaluate sheets under a role that does not). One transaction; one
 * audit entry `user.update` with the user before and after.
 */
export async function updateUser(prisma: PrismaClient, actor: Actor, input: UpdateUserInput): Promise<UpdateUserResult> {
  authorize(actor, { type: "user.manage" });
  const data = parseInput(updateUserSchema, input, "用户信息有误");
  return prisma.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: data.id }, select: userSnapshotSelect });
    if (!current) throw new AppError("NOT_FOUND", "找不到该用户");
    const before = toUserSnapshot(current);

    const role: Role = data.role ?? before.role;
    const active = data.active ?? before.active;
    const problems: Problem[] = [];
    if (actor.kind === "user" && actor.id === before.id) {
      if (!active) problems.push({ path: "active", message: "不能停用自己的账号" });
      if (role !== before.role) problems.push({ path: "role", message: `不能更改自己的角色（${ROLE_NAME[before.role]}）` });
    }
    let departmentId = before.departmentId;
    let department = before.department;
    if (data.department !== undefined && data.department !== before.department) {
      const found = data.department === null ? null : await tx.department.findUnique({ where: { name: data.department }, select: { id: true, name: true } });
      if (data.department !== null && !found) problems.push({ path: "department", message: `找不到部门「${data.department}」` });
      departmentId = found?.id ?? null;
      department = found?.name ?? null;
    }
    if (problems.length > 0) throw new AppError("INVALID", problems[0]!.message, problems);

    if (role !== before.role) {
      const held = await tx.sheetAssignment.groupBy({ by: ["role"], where: { userId: before.id }, _count: true });
      const stale = held.filter((h) => h.role !== role);
      if (stale.length > 0) {
        const message = `该用户仍是 ${stale.map((h) => `${h._count} 张绩效目标表的${ROLE_NAME[h.role]}`).join("、")}，请先在分工中移除，再更改角色`;
        throw new AppError("CONFLICT", message, [{ path: "role", message }]);
      }
    }
    if (before.role === "ADMIN" && before.active && (role !== "ADMIN" || !active)) {
      const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: before.id } } });
      if (others === 0) {
        const message = "至少须保留一名启用的管理员";
        throw new AppError("CONFLICT", message, [{ path: role !== "ADMIN" ? "role" : "active", message }]);
      }
    }

    const after: UserSnapshot = { ...before, displayName: data.displayName ?? before.displayName, role, departmentId, department, active };
    if (JSON.stringify(after) === JSON.stringify(before)) return { user: before, changed: false };
    // Deactivating ends the user's sessions for good: reactivated, they sign in afresh.
    const sessionVersion = before.active && !active ? { increment: 1 } : undefined;
    await tx.user.update({ where: { id: before.id }, data: { displayName: after.displayName, role, departmentId, active, sessionVersion } });
    await appendAudit(tx, actor, { action: "user.update", entityType: "User", entityId: before.id, before, after });
    return { user: after, changed: true };
  });
}
