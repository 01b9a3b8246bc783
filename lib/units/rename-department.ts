import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { parseInput } from "@/lib/parse-input";
import { authorizeUnits, departmentIdSchema, departmentNameSchema, departmentSnapshot, lockRow, refuse, TX_OPTIONS } from "./fields";

export const renameDepartmentSchema = z.object({ id: departmentIdSchema, name: departmentNameSchema });

export type RenameDepartmentInput = z.input<typeof renameDepartmentSchema>;

const taken = (name: string) => refuse("CONFLICT", "name", `部门「${name}」已存在`);

/**
 * Renames a department (admins only), for every year at once: sheets, exports and the 操作日志 read the
 * name from here. A file imported later must use the new name, or it makes a new department. The same
 * name again changes nothing and is not audited. One transaction; audit `department.rename`.
 */
export async function renameDepartment(prisma: PrismaClient, actor: Actor, input: RenameDepartmentInput) {
  authorizeUnits(actor);
  const { id, name } = parseInput(renameDepartmentSchema, input, "部门信息有误");
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await lockRow(tx, "department", id, "FOR NO KEY UPDATE"))) throw refuse("NOT_FOUND", "id", "找不到该部门，可能已被删除");
      const before = await tx.department.findUniqueOrThrow({ where: { id }, select: { id: true, name: true } });
      if (before.name === name) return { department: before, changed: false, previousName: before.name };
      const after = await tx.department.update({ where: { id }, data: { name }, select: { id: true, name: true } });
      await appendAudit(tx, actor, {
        action: "department.rename",
        entityType: "Department",
        entityId: id,
        before: departmentSnapshot(before),
        after: departmentSnapshot(after),
      });
      return { department: after, changed: true, previousName: before.name };
    }, TX_OPTIONS);
  } catch (error) {
    // A name already taken (by another row, or by an admin renaming at the same moment): the unique index decides.
    if (isUniqueViolation(error)) throw taken(name);
    throw error;
  }
}
