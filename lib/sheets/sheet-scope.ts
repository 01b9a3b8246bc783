import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { type SheetGrant, type SheetScope, type SheetVisibility, sheetVisibility } from "@/lib/auth/authorize";

/** The relations `authorize` needs to judge a sheet, to include in a sheet query. */
export const sheetScopeInclude = {
  unit: { select: { departmentId: true, name: true } },
  assignments: { select: { userId: true, role: true } },
} satisfies Prisma.TargetSheetInclude;

type ScopeSource = { authorId: number | null; status: string; unit: { departmentId: number }; assignments: { userId: number; role: string }[] };

export const toSheetScope = (sheet: ScopeSource): SheetScope => ({
  departmentId: sheet.unit.departmentId,
  leadIds: sheet.assignments.filter((a) => a.role === "LEAD").map((a) => a.userId),
  evaluatorIds: sheet.assignments.filter((a) => a.role === "EVALUATOR").map((a) => a.userId),
  authorId: sheet.authorId,
  published: sheet.status === "PUBLISHED",
});

/**
 * Loads what `authorize` needs to judge one sheet; null when the sheet does not exist. One statement (the sheet, its
 * unit's department and its assignments as JSON): every write and most reads of a sheet start here.
 */
export async function loadSheetScope(prisma: Pick<Prisma.TransactionClient, "$queryRaw">, sheetId: number): Promise<SheetScope | null> {
  const [sheet] = await prisma.$queryRaw<{ authorId: number | null; status: string; departmentId: number; assignments: string }[]>`
    SELECT s."author_id" AS "authorId", s."status"::text AS "status", u."department_id" AS "departmentId",
           (SELECT COALESCE(json_agg(json_build_object('userId', a."user_id", 'role', a."role") ORDER BY a."id"), '[]'::json)::text
              FROM "sheet_assignment" a WHERE a."sheet_id" = s."id") AS "assignments"
      FROM "target_sheet" s JOIN "budget_unit" u ON u."id" = s."unit_id"
     WHERE s."id" = ${sheetId}`;
  if (!sheet) return null;
  const assignments = JSON.parse(sheet.assignments) as { userId: number; role: string }[];
  return toSheetScope({ authorId: sheet.authorId, status: sheet.status, unit: { departmentId: sheet.departmentId }, assignments });
}

/**
 * The sheets `actor` may read, as a Prisma filter: every list query of sheets (or of rows of sheets, through
 * their `sheet` relation) is narrowed by it. The rules are `sheetVisibility`'s (lib/auth/authorize.ts), which
 * also judges a single sheet (`sheet.read`), so a list and a page never disagree.
 */
export const readableSheetsWhere = (actor: Actor): Prisma.TargetSheetWhereInput => visibleSheetsWhere(sheetVisibility(actor));

export function visibleSheetsWhere(visibility: SheetVisibility): Prisma.TargetSheetWhereInput {
  if ("all" in visibility) return {};
  if (visibility.anyOf.length === 0) return { id: { in: [] } };
  return { OR: visibility.anyOf.map(grantWhere) };
}

function grantWhere(grant: SheetGrant): Prisma.TargetSheetWhereInput {
  if ("departmentId" in grant) return { unit: { departmentId: grant.departmentId } };
  if ("authorId" in grant) return { authorId: grant.authorId };
  return { status: "PUBLISHED", assignments: { some: { userId: grant.assignedUserId, role: grant.duty } } };
}
