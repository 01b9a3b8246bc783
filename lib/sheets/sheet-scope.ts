import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SheetScope, SheetVisibility } from "@/lib/auth/authorize";

/** The relations `authorize` needs to judge a sheet, to include in a sheet query. */
export const sheetScopeInclude = {
  unit: { select: { departmentId: true, name: true } },
  assignments: { select: { userId: true, role: true } },
} satisfies Prisma.TargetSheetInclude;

type ScopeSource = { authorId: number | null; unit: { departmentId: number }; assignments: { userId: number; role: string }[] };

export const toSheetScope = (sheet: ScopeSource): SheetScope => ({
  departmentId: sheet.unit.departmentId,
  leadIds: sheet.assignments.filter((a) => a.role === "LEAD").map((a) => a.userId),
  evaluatorIds: sheet.assignments.filter((a) => a.role === "EVALUATOR").map((a) => a.userId),
  authorId: sheet.authorId,
});

/** Loads what `authorize` needs to judge one sheet; null when the sheet does not exist. */
export async function loadSheetScope(prisma: Pick<Prisma.TransactionClient, "targetSheet">, sheetId: number): Promise<SheetScope | null> {
  const sheet = await prisma.targetSheet.findUnique({ where: { id: sheetId }, select: { ...sheetScopeInclude, authorId: true } });
  return sheet ? toSheetScope(sheet) : null;
}

/** `sheetVisibility` as a Prisma filter. */
export function visibleSheetsWhere(visibility: SheetVisibility): Prisma.TargetSheetWhereInput {
  if ("all" in visibility) return {};
  if ("none" in visibility) return { id: -1 };
  if ("departmentId" in visibility) return { unit: { departmentId: visibility.departmentId } };
  return { OR: [{ assignments: { some: { userId: visibility.leadUserId, role: "LEAD" } } }, { authorId: visibility.leadUserId }] };
}
