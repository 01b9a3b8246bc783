import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can, sheetVisibility } from "@/lib/auth/authorize";
import { sheetScopeInclude, toSheetScope, visibleSheetsWhere } from "@/lib/sheets/sheet-scope";
import { computeMonth } from "./compute-month";
import { formatTimestamp, monthLabel } from "./labels";
import { type LightView, sheetLightView } from "./progress-view";
import { loadSheetData, type SheetData } from "./sheet-data";

export interface ReviewItem {
  sheetId: number;
  sheetName: string;
  unit: string;
  year: number;
  month: number;
  monthLabel: string;
  submittedAt: string | null;
  submittedBy: string | null;
  sheetLight: LightView;
  budgetLight: LightView;
}

/**
 * 待审核: submitted months of the sheets the actor may review (a manager: their department's), oldest
 * submission first. Empty for everyone else.
 */
export async function listReviewQueue(prisma: PrismaClient, actor: Actor): Promise<ReviewItem[]> {
  const months = await prisma.sheetMonth.findMany({
    where: { status: "SUBMITTED", sheet: visibleSheetsWhere(sheetVisibility(actor)) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    include: { sheet: { include: sheetScopeInclude }, submittedBy: { select: { displayName: true } } },
  });
  const mine = months.filter((m) => can(actor, { type: "month.review", sheet: toSheetScope(m.sheet) }));
  const loaded = new Map<number, SheetData>();
  const items: ReviewItem[] = [];
  for (const m of mine) {
    let sheet = loaded.get(m.sheetId);
    if (!sheet) {
      sheet = await loadSheetData(prisma, m.sheetId);
      loaded.set(m.sheetId, sheet);
    }
    const computed = computeMonth(sheet, m.month);
    items.push({
      sheetId: sheet.id,
      sheetName: sheet.name,
      unit: sheet.unit,
      year: sheet.year,
      month: m.month,
      monthLabel: monthLabel(sheet.year, m.month),
      submittedAt: m.submittedAt ? formatTimestamp(m.submittedAt) : null,
      submittedBy: m.submittedBy?.displayName ?? null,
      sheetLight: sheetLightView(computed),
      budgetLight: { light: computed.budget.light.light, label: computed.budget.light.label, reason: computed.budget.light.reason },
    });
  }
  return items;
}
