import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { parseInput } from "@/lib/parse-input";
import { authorizeUnits, departmentNameSchema, departmentSnapshot, refuse, TX_OPTIONS } from "./fields";

export const createDepartmentSchema = z.object({ name: departmentNameSchema });

export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;

const taken = (name: string) => refuse("CONFLICT", "name", `部门「${name}」已存在`);

/** Adds a department (admins only); names are unique. One transaction; audit `department.create`. */
export async function createDepartment(prisma: PrismaClient, actor: Actor, input: CreateDepartmentInput) {
  authorizeUnits(actor);
  const { name } = parseInput(createDepartmentSchema, input, "部门信息有误");
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.department.create({ data: { name }, select: { id: true, name: true } });
      await appendAudit(tx, actor, { action: "department.create", entityType: "Department", entityId: created.id, after: departmentSnapshot(created) });
      return created;
    }, TX_OPTIONS);
  } catch (error) {
    // A name already taken (by another row, or by an admin adding it at the same moment): the unique index decides.
    if (isUniqueViolation(error)) throw taken(name);
    throw error;
  }
}
