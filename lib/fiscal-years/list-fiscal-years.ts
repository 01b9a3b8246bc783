import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SheetStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { lockStateText } from "./period-lock";

export interface FiscalYearRow {
  id: number;
  year: number;
  /** 0: nothing locked; N: months 1…N locked for every sheet of the year. */
  lockedThroughMonth: number;
  /** `未锁定` / `已锁定至7月`. */
  lockText: string;
  /** 绩效目标表 of the year, in all and by status. */
  sheets: { total: number } & Record<SheetStatus, number>;
  /** Sheet-months approved by a manager. */
  monthsApproved: number;
  /** Sheet-months submitted and awaiting review (worth clearing before a lock). */
  monthsSubmitted: number;
}

/** 年度: every fiscal year, newest first, with its sheets by status, its reviewed months and its period lock (admins). */
export async function listFiscalYears(prisma: PrismaClient, actor: Actor): Promise<FiscalYearRow[]> {
  authorize(actor, { type: "fiscal-year.manage" });
  const [years, sheets, months] = await Promise.all([
    prisma.fiscalYear.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, lockedThroughMonth: true } }),
    prisma.targetSheet.groupBy({ by: ["fiscalYearId", "status"], _count: { _all: true } }),
    prisma.$queryRaw<{ fiscalYearId: number; status: string; count: number }[]>`
      SELECT s.fiscal_year_id AS "fiscalYearId", m.status::text AS status, COUNT(*)::int AS count
        FROM sheet_month m JOIN target_sheet s ON s.id = m.sheet_id
       WHERE m.status IN ('APPROVED', 'SUBMITTED')
       GROUP BY s.fiscal_year_id, m.status`,
  ]);
  return years.map((y) => {
    const byStatus: Record<SheetStatus, number> = { DRAFT: 0, SUBMITTED: 0, PUBLISHED: 0 };
    for (const g of sheets) if (g.fiscalYearId === y.id) byStatus[g.status] = g._count._all;
    const monthCount = (status: string) => months.find((m) => m.fiscalYearId === y.id && m.status === status)?.count ?? 0;
    return {
      id: y.id,
      year: y.year,
      lockedThroughMonth: y.lockedThroughMonth,
      lockText: lockStateText(y.lockedThroughMonth),
      sheets: { total: byStatus.DRAFT + byStatus.SUBMITTED + byStatus.PUBLISHED, ...byStatus },
      monthsApproved: monthCount("APPROVED"),
      monthsSubmitted: monthCount("SUBMITTED"),
    };
  });
}
