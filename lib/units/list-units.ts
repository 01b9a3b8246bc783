import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorizeUnits } from "./fields";

/** Sheets of one fiscal year (any status: drafts reference their unit too). */
export interface SheetsInYear {
  year: number;
  sheets: number;
}

export interface UnitEntry {
  id: number;
  name: string;
  /** Newest year first; years without a sheet of the unit are left out. */
  sheetsByYear: SheetsInYear[];
  /** All years together: a unit can be deleted only while this is 0. */
  sheets: number;
}

export interface DepartmentEntry {
  id: number;
  name: string;
  /** Its units in the order they were created (the seed's: 本级 first, as the document lists them). */
  units: UnitEntry[];
  /** Managers bound to the department (active or not). */
  managers: number;
  /** Every user bound to it, whatever the role: a department can be deleted only while this is 0. */
  users: number;
}

/** Departments with their budget units and what uses them (admins only): the 预算单位 page. */
export async function listUnits(prisma: PrismaClient, actor: Actor): Promise<DepartmentEntry[]> {
  authorizeUnits(actor);
  const [departments, sheetCounts, years, userCounts] = await Promise.all([
    prisma.department.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, units: { orderBy: { id: "asc" }, select: { id: true, name: true } } },
    }),
    prisma.targetSheet.groupBy({ by: ["unitId", "fiscalYearId"], _count: { _all: true } }),
    prisma.fiscalYear.findMany({ select: { id: true, year: true } }),
    prisma.user.groupBy({ by: ["departmentId", "role"], where: { departmentId: { not: null } }, _count: { _all: true } }),
  ]);
  const yearOf = new Map(years.map((y) => [y.id, y.year]));
  const byUnit = new Map<number, SheetsInYear[]>();
  for (const row of sheetCounts) {
    const list = byUnit.get(row.unitId) ?? [];
    list.push({ year: yearOf.get(row.fiscalYearId)!, sheets: row._count._all });
    byUnit.set(row.unitId, list);
  }
  const countUsers = (departmentId: number, role?: string) =>
    userCounts.filter((u) => u.departmentId === departmentId && (role === undefined || u.role === role)).reduce((sum, u) => sum + u._count._all, 0);
  return departments.map((d) => ({
    id: d.id,
    name: d.name,
    units: d.units.map((u) => {
      const sheetsByYear = (byUnit.get(u.id) ?? []).sort((a, b) => b.year - a.year);
      return { id: u.id, name: u.name, sheetsByYear, sheets: sheetsByYear.reduce((sum, y) => sum + y.sheets, 0) };
    }),
    managers: countUsers(d.id, "MANAGER"),
    users: countUsers(d.id),
  }));
}
