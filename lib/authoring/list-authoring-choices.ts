import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { listYears } from "@/lib/sheets/list-sheets";

export interface AuthoringChoices {
  /** Departments the actor may draft in, each with its budget units. */
  departments: { name: string; units: string[] }[];
  /** Years that have sheets, newest first. */
  years: number[];
  /** Whether the actor may name a budget unit that does not exist yet (not leads). */
  mayAddUnit: boolean;
}

/** What the 新建 / 编辑 forms offer to pick from. Refused (FORBIDDEN) to those who may not draft. */
export async function listAuthoringChoices(prisma: PrismaClient, actor: Actor): Promise<AuthoringChoices> {
  authorize(actor, { type: "sheet.create" });
  const managerDepartment = actor.kind === "user" && actor.role === "MANAGER" ? actor.departmentId : null;
  const [departments, years] = await Promise.all([
    prisma.department.findMany({
      where: managerDepartment === null ? {} : { id: managerDepartment },
      orderBy: { id: "asc" },
      select: { name: true, units: { orderBy: { id: "asc" }, select: { name: true } } },
    }),
    listYears(prisma),
  ]);
  return {
    departments: departments.map((d) => ({ name: d.name, units: d.units.map((u) => u.name) })),
    years,
    mayAddUnit: !(actor.kind === "user" && actor.role === "LEAD"),
  };
}
