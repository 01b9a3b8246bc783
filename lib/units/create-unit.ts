import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { parseInput } from "@/lib/parse-input";
import { authorizeUnits, departmentIdSchema, refuse, TX_OPTIONS, unitNameSchema, unitSnapshot } from "./fields";

export const createUnitSchema = z.object({ departmentId: departmentIdSchema, name: unitNameSchema });

export type CreateUnitInput = z.input<typeof createUnitSchema>;

const taken = (department: string, name: string) => refuse("CONFLICT", "name", `「${department}」已有预算单位「${name}」`);

/**
 * Adds a budget unit under a department (admins only); names are unique within the department. One
 * transaction; audit `unit.create` — the same action and shape as a unit created while drafting a sheet.
 */
export async function createUnit(prisma: PrismaClient, actor: Actor, input: CreateUnitInput) {
  authorizeUnits(actor);
  const { departmentId, name } = parseInput(createUnitSchema, input, "预算单位信息有误");
  let departmentName = "";
  try {
    return await prisma.$transaction(async (tx) => {
      const department = await tx.department.findUnique({ where: { id: departmentId }, select: { name: true } });
      if (!department) throw refuse("NOT_FOUND", "departmentId", "找不到该部门，可能已被删除");
      departmentName = department.name;
      const created = await tx.budgetUnit.create({ data: { departmentId, name }, select: { id: true, departmentId: true, name: true } });
      await appendAudit(tx, actor, { action: "unit.create", entityType: "BudgetUnit", entityId: created.id, after: unitSnapshot(created, department.name) });
      return { ...created, department: department.name };
    }, TX_OPTIONS);
  } catch (error) {
    // A name already taken (by another row, or by an admin adding it at the same moment): the unique index decides.
    if (isUniqueViolation(error)) throw taken(departmentName, name);
    throw error;
  }
}
