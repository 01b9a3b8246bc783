import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { unitSnapshot } from "@/lib/units/fields";

type Tx = Prisma.TransactionClient;

const invalid = (path: string, message: string) => new AppError("INVALID", message, [{ path, message }]);

/**
 * The department a new sheet belongs to: a manager's own; else the one named; else the only one.
 * (Leads and admins are not bound to a department in this product.)
 */
export async function resolveDepartment(tx: Tx, actor: Actor, name: string | undefined): Promise<{ id: number; name: string }> {
  if (actor.kind === "user" && actor.role === "MANAGER" && actor.departmentId !== null) {
    const own = await tx.department.findUniqueOrThrow({ where: { id: actor.departmentId }, select: { id: true, name: true } });
    if (name && name !== own.name)
      throw new AppError("FORBIDDEN", "只能为本部门新建绩效目标表", [{ path: "department", message: "只能为本部门新建绩效目标表" }]);
    return own;
  }
  if (name) {
    const found = await tx.department.findUnique({ where: { name }, select: { id: true, name: true } });
    if (!found) throw invalid("department", `找不到部门「${name}」`);
    return found;
  }
  const all = await tx.department.findMany({ select: { id: true, name: true }, take: 2, orderBy: { id: "asc" } });
  if (all.length === 1) return all[0]!;
  throw invalid("department", all.length === 0 ? "还没有任何部门，请先导入绩效目标表" : "请选择部门");
}

/**
 * The budget unit of that name in the department. Admins and managers may name a new unit (it is
 * created, and the creation audited); a lead must pick an existing one.
 */
export async function resolveUnit(tx: Tx, actor: Actor, departmentId: number, name: string): Promise<number> {
  const found = await tx.budgetUnit.findUnique({ where: { departmentId_name: { departmentId, name } }, select: { id: true } });
  if (found) return found.id;
  if (actor.kind === "user" && actor.role === "LEAD") throw invalid("unit", `找不到预算单位「${name}」，请从列表中选择`);
  const created = await tx.budgetUnit.create({
    data: { departmentId, name },
    select: { id: true, departmentId: true, name: true, department: { select: { name: true } } },
  });
  await appendAudit(tx, actor, {
    action: "unit.create",
    entityType: "BudgetUnit",
    entityId: created.id,
    after: unitSnapshot(created, created.department.name),
  });
  return created.id;
}
