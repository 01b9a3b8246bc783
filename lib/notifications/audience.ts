import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Who hears about a sheet: its leads and evaluators (分工) and the active managers of its department. */
export interface SheetAudience {
  sheetId: number;
  sheetName: string;
  year: number;
  departmentId: number;
  unitName: string;
  leads: number[];
  evaluators: number[];
  managers: number[];
}

export async function sheetAudience(tx: Tx, sheetId: number): Promise<SheetAudience | null> {
  const sheet = await tx.targetSheet.findUnique({
    where: { id: sheetId },
    select: {
      name: true,
      fiscalYear: { select: { year: true } },
      unit: { select: { name: true, departmentId: true } },
      assignments: { where: { user: { active: true } }, select: { userId: true, role: true }, orderBy: { userId: "asc" } },
    },
  });
  if (!sheet) return null;
  const managers = await tx.user.findMany({
    where: { role: "MANAGER", active: true, departmentId: sheet.unit.departmentId },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const withRole = (role: "LEAD" | "EVALUATOR") => sheet.assignments.filter((a) => a.role === role).map((a) => a.userId);
  return {
    sheetId,
    sheetName: sheet.name,
    year: sheet.fiscalYear.year,
    departmentId: sheet.unit.departmentId,
    unitName: sheet.unit.name,
    leads: withRole("LEAD"),
    evaluators: withRole("EVALUATOR"),
    managers: managers.map((m) => m.id),
  };
}
