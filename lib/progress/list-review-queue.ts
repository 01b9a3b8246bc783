import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { sheetScopeInclude, toSheetScope, readableSheetsWhere } from "@/lib/sheets/sheet-scope";
import { computeMonth } from "./compute-month";
import { formatTimestamp, monthLabel } from "./labels";
import { lightView, type LightView, sheetLightView } from "./progress-view";
import { loadSheetDataMany } from "./sheet-data";

export interface ReviewItem {
  sheetId: number;
  sheetName: string;
  unit: string;
  year: number;
  month: number;
  monthLabel: string;
  /** The sheet-month's version as listed: 批量审核通过 sends it back, so a month changed since is refused. */
  version: number;
  submittedAt: string | null;
  submittedBy: string | null;
  sheetLight: LightView;
  budgetLight: LightView;
}

/** The submitted months the actor may review, oldest submission first. */
async function monthsToReview(prisma: PrismaClient, actor: Actor) {
  const months = await prisma.sheetMonth.findMany({
    where: { status: "SUBMITTED", sheet: readableSheetsWhere(actor) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      sheetId: true,
      month: true,
      version: true,
      submittedAt: true,
      sheet: { include: sheetScopeInclude },
      submittedBy: { select: { displayName: true } },
    },
  });
  return months.filter((m) => can(actor, { type: "month.review", sheet: toSheetScope(m.sheet) }));
}

/**
 * 待审核: submitted months of the sheets the actor may review (a manager: their department's), oldest
 * submission first. Empty for everyone else.
 */
export async function listReviewQueue(prisma: PrismaClient, actor: Actor): Promise<ReviewItem[]> {
  const mine = await monthsToReview(prisma, actor);
  const sheets = new Map((await loadSheetDataMany(prisma, [...new Set(mine.map((m) => m.sheetId))])).map((s) => [s.id, s]));
  return mine.flatMap((m) => {
    const sheet = sheets.get(m.sheetId);
    if (!sheet) return [];
    const computed = computeMonth(sheet, m.month);
    return [
      {
        sheetId: sheet.id,
        sheetName: sheet.name,
        unit: sheet.unit,
        year: sheet.year,
        month: m.month,
        monthLabel: monthLabel(sheet.year, m.month),
        version: m.version,
        submittedAt: m.submittedAt ? formatTimestamp(m.submittedAt) : null,
        submittedBy: m.submittedBy?.displayName ?? null,
        sheetLight: sheetLightView(computed),
        budgetLight: lightView(computed.budget.light),
      },
    ];
  });
}

/** The 工作台's 待审核 line: how many months listReviewQueue holds and the first one's submittedAt, without computing lights. */
export async function reviewQueueSummary(prisma: PrismaClient, actor: Actor): Promise<{ count: number; oldestSubmittedAt: string | null }> {
  const mine = await monthsToReview(prisma, actor);
  const first = mine[0]?.submittedAt;
  return { count: mine.length, oldestSubmittedAt: first ? formatTimestamp(first) : null };
}
