import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MonthStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import { sheetScopeInclude, toSheetScope, readableSheetsWhere } from "@/lib/sheets/sheet-scope";
import { isLockedStatus, MONTH_STATUS_LABEL, monthLabel, NOT_STARTED_LABEL } from "./labels";
import { reportingMonth } from "@/lib/figures/reporting-month";
import { isPeriodLocked } from "@/lib/fiscal-years/period-lock";
import { loadDeadlines } from "@/lib/deadlines/load-deadlines";
import { countdownText, daysUntil, dueText, isOverdue } from "@/lib/deadlines/rules";

export interface TodoItem {
  sheetId: number;
  sheetName: string;
  year: number;
  month: number;
  monthLabel: string;
  /** DRAFT (also a month without a record) or RETURNED. */
  status: MonthStatus;
  /** 已退回 / 草稿 / 未填报. */
  statusLabel: string;
  /** The manager's comment on a returned month. */
  reviewComment: string;
  /** The reporting month itself (the one owed now). */
  current: boolean;
  /** Its deadline as shown (`2025-08-10 23:59`, Beijing time) and `还剩3天` / `今天截止` / `已逾期5天`. */
  dueText: string;
  countdown: string;
  /** Not submitted by its deadline (lib/deadlines/rules.ts). */
  overdue: boolean;
  /** Inside the period an admin has locked: listed only while 逾期, and nothing can be entered any more. */
  periodLocked: boolean;
}

/** The published sheets the actor may write progress for, latest year first, then in document order. */
export async function findLeadSheets(prisma: PrismaClient, actor: Actor) {
  const sheets = await prisma.targetSheet.findMany({
    where: { AND: [readableSheetsWhere(actor), { status: "PUBLISHED" }] },
    orderBy: [{ fiscalYear: { year: "desc" } }, { position: "asc" }, { id: "asc" }],
    include: { ...sheetScopeInclude, fiscalYear: { select: { year: true, lockedThroughMonth: true } } },
  });
  return sheets.filter((s) => can(actor, { type: "progress.write", sheet: toSheetScope(s) }));
}
export type LeadSheet = Awaited<ReturnType<typeof findLeadSheets>>[number];

/**
 * 我的待办: for each sheet the actor leads, the months up to the reporting month (the current calendar month,
 * 12 once the fiscal year is over, none before it starts) that are neither submitted nor approved, each with its
 * deadline. A month inside the period an admin has locked is left out unless it is 逾期: a month never reported is
 * never dropped, even when nothing can be entered any more.
 * Returned months come first, then the most recent month first (what is owed now), then sheets in document
 * order. The list holds only sheets the actor may write progress for: empty for other roles. `sheets`: the
 * actor's findLeadSheets when the caller has them already.
 */
export async function listMyTodo(prisma: PrismaClient, actor: Actor, options: { now?: Date; sheets?: LeadSheet[] } = {}): Promise<TodoItem[]> {
  const now = options.now ?? new Date();
  const mine = options.sheets ?? (await findLeadSheets(prisma, actor));
  if (mine.length === 0) return [];

  const ids = mine.map((s) => s.id);
  const years = [...new Map(mine.map((s) => [s.fiscalYearId, { id: s.fiscalYearId, year: s.fiscalYear.year }])).values()];
  const [months, entered, deadlines] = await Promise.all([
    prisma.sheetMonth.findMany({ where: { sheetId: { in: ids } }, select: { sheetId: true, month: true, status: true, reviewComment: true, executed: true } }),
    prisma.progressEntry.findMany({
      where: { indicator: { sheetId: { in: ids } }, OR: [{ value: { not: null } }, { qualitativeValue: { not: null } }] },
      select: { month: true, indicator: { select: { sheetId: true } } },
      distinct: ["indicatorId", "month"],
    }),
    loadDeadlines(prisma, years),
  ]);
  const monthOf = new Map(months.map((m) => [`${m.sheetId}:${m.month}`, m]));
  const hasEntries = new Set(entered.map((e) => `${e.indicator.sheetId}:${e.month}`));

  const items: (TodoItem & { order: number })[] = [];
  mine.forEach((sheet, order) => {
    const year = sheet.fiscalYear.year;
    const last = reportingMonth(year, now);
    const due = deadlines.get(sheet.fiscalYearId)!;
    for (let month = 1; month <= last; month++) {
      const key = `${sheet.id}:${month}`;
      const record = monthOf.get(key);
      const status = record?.status ?? "DRAFT";
      if (isLockedStatus(status)) continue;
      const dueDay = due.months[month - 1]!.due;
      const overdue = isOverdue(dueDay, status, now);
      const periodLocked = isPeriodLocked(sheet.fiscalYear.lockedThroughMonth, month);
      if (periodLocked && !overdue) continue;
      const started = hasEntries.has(key) || (record?.executed ?? null) !== null;
      items.push({
        sheetId: sheet.id,
        sheetName: sheet.name,
        year,
        month,
        monthLabel: monthLabel(year, month),
        status,
        statusLabel: status === "DRAFT" && !started ? NOT_STARTED_LABEL : MONTH_STATUS_LABEL[status],
        reviewComment: status === "RETURNED" ? (record?.reviewComment ?? "") : "",
        current: month === last,
        dueText: dueText(dueDay),
        countdown: countdownText(daysUntil(dueDay, now)),
        overdue,
        periodLocked,
        order,
      });
    }
  });
  items.sort((a, b) => rank(a) - rank(b) || b.year - a.year || b.month - a.month || a.order - b.order);
  return items.map(({ order: _order, ...item }) => item);
}

const rank = (item: TodoItem) => (item.status === "RETURNED" ? 0 : 1);
