import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/parse-input";
import { authorizeUnits, departmentIdSchema, departmentSnapshot, lockRow, refuse, TX_OPTIONS } from "./fields";

export const deleteDepartmentSchema = z.object({ id: departmentIdSchema });

export type DeleteDepartmentInput = z.input<typeof deleteDepartmentSchema>;

/**
 * Deletes a department (admins only) that nothing uses: no budget unit (and so no sheet) and no user bound
 * to it — the database would quietly unbind the users, so it is refused here, saying what still uses it.
 * One transaction; audit `department.delete` with the department before.
 */
export async function deleteDepartment(prisma: PrismaClient, actor: Actor, input: DeleteDepartmentInput) {
  authorizeUnits(actor);
  const { id } = parseInput(deleteDepartmentSchema, input, "部门信息有误");
  return prisma.$transaction(async (tx) => {
    // Held until commit: a unit or user being bound to it meanwhile waits, then finds it gone.
    if (!(await lockRow(tx, "department", id, "FOR UPDATE"))) throw refuse("NOT_FOUND", "id", "找不到该部门，可能已被删除");
    const department = await tx.department.findUniqueOrThrow({ where: { id }, select: { id: true, name: true } });
    const units = await tx.budgetUnit.findMany({ where: { departmentId: id }, orderBy: { id: "asc" }, select: { name: true } });
    const users = await tx.user.findMany({ where: { departmentId: id }, orderBy: { id: "asc" }, select: { displayName: true, username: true } });
    const uses: string[] = [];
    const fixes: string[] = [];
    if (units.length) {
      uses.push(`${units.length} 个预算单位（${units.map((u) => u.name).join("、")}）`);
      fixes.push("删除这些预算单位");
    }
    if (users.length) {
      uses.push(`${users.length} 名用户（${users.map((u) => `${u.displayName} ${u.username}`).join("、")}）`);
      fixes.push("在“用户”中为这些用户更换部门");
    }
    if (uses.length > 0) throw refuse("CONFLICT", "id", `部门「${department.name}」仍有${uses.join("和")}，不能删除；请先${fixes.join("，并")}`);
    await tx.department.delete({ where: { id } });
    await appendAudit(tx, actor, { action: "department.delete", entityType: "Department", entityId: id, before: departmentSnapshot(department) });
    return department;
  }, TX_OPTIONS);
}
