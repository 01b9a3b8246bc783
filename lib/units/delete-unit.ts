import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/parse-input";
import { authorizeUnits, lockRow, refuse, TX_OPTIONS, unitIdSchema, unitSnapshot } from "./fields";

export const deleteUnitSchema = z.object({ id: unitIdSchema });

export type DeleteUnitInput = z.input<typeof deleteUnitSchema>;

/**
 * Deletes a budget unit (admins only) that no sheet of any year (drafts included) belongs to; otherwise
 * refused, saying which years' sheets still use it. One transaction; audit `unit.delete` with the unit before.
 */
export async function deleteUnit(prisma: PrismaClient, actor: Actor, input: DeleteUnitInput) {
  authorizeUnits(actor);
  const { id } = parseInput(deleteUnitSchema, input, "预算单位信息有误");
  return prisma.$transaction(async (tx) => {
    // Held until commit: a sheet being created in the unit meanwhile waits, then finds it gone.
    if (!(await lockRow(tx, "budget_unit", id, "FOR UPDATE"))) throw refuse("NOT_FOUND", "id", "找不到该预算单位，可能已被删除");
    const unit = await tx.budgetUnit.findUniqueOrThrow({
      where: { id },
      select: { id: true, departmentId: true, name: true, department: { select: { name: true } } },
    });
    const sheets = await tx.targetSheet.groupBy({ by: ["fiscalYearId"], where: { unitId: id }, _count: { _all: true } });
    if (sheets.length > 0) {
      const years = await tx.fiscalYear.findMany({ where: { id: { in: sheets.map((s) => s.fiscalYearId) } }, select: { id: true, year: true } });
      const yearOf = new Map(years.map((y) => [y.id, y.year]));
      const counts = sheets
        .map((s) => ({ year: yearOf.get(s.fiscalYearId)!, sheets: s._count._all }))
        .sort((a, b) => b.year - a.year)
        .map((s) => `${s.year}年 ${s.sheets} 张`)
        .join("、");
      throw refuse("CONFLICT", "id", `预算单位「${unit.name}」仍有绩效目标表（${counts}），不能删除`);
    }
    await tx.budgetUnit.delete({ where: { id } });
    await appendAudit(tx, actor, { action: "unit.delete", entityType: "BudgetUnit", entityId: id, before: unitSnapshot(unit, unit.department.name) });
    return { id, departmentId: unit.departmentId, name: unit.name, department: unit.department.name };
  }, TX_OPTIONS);
}
