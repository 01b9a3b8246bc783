import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { findOverdue } from "@/lib/deadlines/overdue";
import { overdueText } from "@/lib/deadlines/rules";
import { readableSheetsWhere } from "@/lib/sheets/sheet-scope";

export interface OverdueSheet {
  sheetId: number;
  name: string;
  unit: string;
  months: number[];
  /** `1–4、6月（5个月）`. */
  text: string;
}

export interface OverdueUnit {
  unitId: number;
  unit: string;
  /** Sheets with anything 逾期, and their 逾期 sheet-months. */
  sheets: number;
  months: number;
}

export interface OverdueSummary {
  year: number;
  /** Most 逾期 months first, then in document order. */
  sheets: OverdueSheet[];
  /** In unit order. */
  units: OverdueUnit[];
  totalSheets: number;
  totalMonths: number;
}

/**
 * 逾期 of a fiscal year on the manager's 工作台: the published sheets the actor may see with months not submitted by
 * their deadline (lib/deadlines/rules.ts), counted per sheet and per unit. Null when the year does not exist.
 */
export async function listOverdue(prisma: PrismaClient, actor: Actor, options: { year: number; now?: Date }): Promise<OverdueSummary | null> {
  authorize(actor, { type: "sheets.list" });
  const now = options.now ?? new Date();
  const fiscalYear = await prisma.fiscalYear.findUnique({ where: { year: options.year }, select: { id: true, year: true } });
  if (!fiscalYear) return null;
  const sheets = await prisma.targetSheet.findMany({
    where: { AND: [{ fiscalYearId: fiscalYear.id, status: "PUBLISHED" }, readableSheetsWhere(actor)] },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, unitId: true, unit: { select: { name: true } } },
  });
  const overdue = await findOverdue(prisma, [fiscalYear], now, { sheetIds: sheets.map((s) => s.id) });
  const listed: OverdueSheet[] = sheets.flatMap((s) => {
    const months = overdue.get(s.id)?.months;
    return months ? [{ sheetId: s.id, name: s.name, unit: s.unit.name, months, text: overdueText(months) }] : [];
  });
  const units = new Map<number, OverdueUnit>();
  for (const s of sheets) {
    const months = overdue.get(s.id)?.months;
    if (!months) continue;
    const unit = units.get(s.unitId) ?? { unitId: s.unitId, unit: s.unit.name, sheets: 0, months: 0 };
    unit.sheets += 1;
    unit.months += months.length;
    units.set(s.unitId, unit);
  }
  return {
    year: fiscalYear.year,
    // A stable sort keeps the document order among equals.
    sheets: listed.sort((a, b) => b.months.length - a.months.length),
    units: [...units.values()].sort((a, b) => a.unitId - b.unitId),
    totalSheets: listed.length,
    totalMonths: listed.reduce((n, s) => n + s.months.length, 0),
  };
}
