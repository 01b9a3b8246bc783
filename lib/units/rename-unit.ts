import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { parseInput } from "@/lib/parse-input";
import { authorizeUnits, lockRow, refuse, TX_OPTIONS, unitIdSchema, unitNameSchema, unitSnapshot } from "./fields";

export const renameUnitSchema = z.object({ id: unitIdSchema, name: unitNameSchema });

export type RenameUnitInput = z.input<typeof renameUnitSchema>;

const taken = (department: string, name: string) => refuse("CONFLICT", "name", `「${department}」已有预算单位「${name}」`);

/**
 * Renames a budget unit (admins only) for every year at once — what people expect when fixing a typo:
 * its sheets, the scorecard, exports and printed forms all read the name from here, so past years print
 * the new name too. A file imported later must use the new name, or it makes a new unit. The same name
 * again changes nothing and is not audited. One transaction; audit `unit.rename`.
 */
export async function renameUnit(prisma: PrismaClient, actor: Actor, input: RenameUnitInput) {
  authorizeUnits(actor);
  const { id, name } = parseInput(renameUnitSchema, input, "预算单位信息有误");
  let departmentName = "";
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await lockRow(tx, "budget_unit", id, "FOR NO KEY UPDATE"))) throw refuse("NOT_FOUND", "id", "找不到该预算单位，可能已被删除");
      const before = await tx.budgetUnit.findUniqueOrThrow({
        where: { id },
        select: { id: true, departmentId: true, name: true, department: { select: { name: true } } },
      });
      departmentName = before.department.name;
      const result = (unit: { id: number; departmentId: number; name: string }, changed: boolean) => ({
        unit: { ...unit, department: departmentName },
        changed,
        previousName: before.name,
      });
      if (before.name === name) return result(before, false);
      const after = await tx.budgetUnit.update({ where: { id }, data: { name }, select: { id: true, departmentId: true, name: true } });
      await appendAudit(tx, actor, {
        action: "unit.rename",
        entityType: "BudgetUnit",
        entityId: id,
        before: unitSnapshot(before, departmentName),
        after: unitSnapshot(after, departmentName),
      });
      return result(after, true);
    }, TX_OPTIONS);
  } catch (error) {
    // A name already taken (by another row, or by an admin renaming at the same moment): the unique index decides.
    if (isUniqueViolation(error)) throw taken(departmentName, name);
    throw error;
  }
}
