import type { Prisma } from "@/lib/generated/prisma/client";
import type { SheetScope, SheetVisibility } from "@/lib/auth/authorize";

/** The relations `authorize` needs to judge a sheet, to include in a sheet query. */
export const sheetScopeInclude = {
  unit: { select: { departmentId: true, name: true } },
  assignments: { where: { role: "LEAD" }, select: { userId: true } },
} satisfies Prisma.TargetSheetInclude;

export const toSheetScope = (sheet: { unit: { departmentId: number }; assignments: { userId: number }[] }): SheetScope => ({
  departmentId: sheet.unit.departmentId,
  leadIds: sheet.assignments.map((a) => a.userId),
});

/** `sheetVisibility` as a Prisma filter. */
export function visibleSheetsWhere(visibility: SheetVisibility): Prisma.TargetSheetWhereInput {
  if ("all" in visibility) return {};
  if ("none" in visibility) return { id: -1 };
  if ("departmentId" in visibility) return { unit: { departmentId: visibility.departmentId } };
  return { assignments: { some: { userId: visibility.leadUserId, role: "LEAD" } } };
}
