import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationEvent } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/beijing-time";
import { loadDeadlines } from "@/lib/deadlines/load-deadlines";
import { findUnsubmitted } from "@/lib/deadlines/overdue";
import { monthsPastDue, type YearDeadlines } from "@/lib/deadlines/rules";
import { notify } from "@/lib/notifications/notify";
import { queueYearEndReminders } from "./queue-year-end";
import { activeYears, monthsDueSoon, monthsJustPassed, passedText, type ReminderText, remindersDue, type SummaryLine, soonText, summaryText } from "./rules";

export interface QueuedReminders {
  /** Reminders raised this pass (an event whose notifications were new), by kind. */
  soon: number;
  passed: number;
  summaries: number;
  /** What notify added: in-app notifications and outbox messages (e-mail, group robot). */
  notifications: number;
  messages: number;
  /** Why nothing was looked at (before 08:00 Beijing time), else null. */
  skipped: string | null;
}

interface Year {
  id: number;
  year: number;
  deadlines: YearDeadlines;
}

/**
 * The time-based reminders due at `now` (lib/reminders/rules.ts), raised through notify with one idempotency key per
 * sheet × month (per sheet for the year-end ones, per department × Beijing day for the summary): a pass run twice, two passes at once, or a restart
 * between them, raise each reminder once. Candidates already notified are left out before notify is called, so a pass
 * that finds nothing new writes nothing. Each reminder commits in its own short transaction.
 */
export async function queueReminders(prisma: PrismaClient, options: { now?: Date } = {}): Promise<QueuedReminders> {
  const now = options.now ?? new Date();
  const result: QueuedReminders = { soon: 0, passed: 0, summaries: 0, notifications: 0, messages: 0, skipped: null };
  if (!remindersDue(now)) return { ...result, skipped: "北京时间8时前不发送提醒" };
  const fiscalYears = await prisma.fiscalYear.findMany({ where: { year: { in: activeYears(now) } }, select: { id: true, year: true } });
  const deadlines = await loadDeadlines(prisma, fiscalYears);
  const years: Year[] = fiscalYears.map((y) => ({ ...y, deadlines: deadlines.get(y.id)! }));

  const raise = async (event: Parameters<typeof notify>[1]) => {
    const added = await prisma.$transaction((tx) => notify(tx, event));
    result.notifications += added.notifications;
    result.messages += added.messages;
    return added.notifications > 0;
  };

  for (const year of years) {
    for (const [type, months] of [
      ["DEADLINE_SOON", monthsDueSoon(year.deadlines, now)],
      ["DEADLINE_PASSED", monthsJustPassed(year.deadlines, now)],
    ] as const) {
      for (const c of await leadCandidates(prisma, year, type, months)) {
        const due = year.deadlines.months[c.month - 1]!.due;
        const text: ReminderText = type === "DEADLINE_SOON" ? soonText(c.sheet, year.year, c.month, due, now) : passedText(c.sheet, year.year, c.month, due);
        const raised = await raise({
          type,
          recipients: c.leads,
          sheetId: c.sheet.id,
          month: c.month,
          ...text,
          idempotencyKey: `${type === "DEADLINE_SOON" ? "deadline-soon" : "deadline-passed"}:${c.sheet.id}:${c.month}`,
          // One reminder per sheet would flood a department's group: the robot gets the daily summary instead.
          departmentId: null,
          at: now,
        });
        if (raised && type === "DEADLINE_SOON") result.soon += 1;
        else if (raised) result.passed += 1;
      }
    }
  }

  const yearEnd = await queueYearEndReminders(prisma, now, raise);
  result.soon += yearEnd.soon;
  result.passed += yearEnd.passed;

  const day = formatDate(now);
  for (const s of await departmentSummaries(prisma, years, now, day)) {
    const raised = await raise({
      type: "OVERDUE_SUMMARY",
      recipients: s.managers,
      ...summaryText(s.department, s.waiting, s.overdue, day),
      idempotencyKey: `overdue-summary:${s.departmentId}:${day}`,
      departmentId: s.departmentId,
      at: now,
    });
    if (raised) result.summaries += 1;
  }
  return result;
}

interface LeadCandidate {
  sheet: { id: number; name: string };
  month: number;
  leads: number[];
}

/** The sheet-months of `months` not submitted, of sheets with an active lead, not yet reminded of this event. */
async function leadCandidates(prisma: PrismaClient, year: Year, event: NotificationEvent, months: number[]): Promise<LeadCandidate[]> {
  const open = await findUnsubmitted(prisma, year.id, months);
  if (open.length === 0) return [];
  const ids = open.map((o) => o.sheetId);
  const [sheets, done] = await Promise.all([
    prisma.targetSheet.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, assignments: { where: { role: "LEAD", user: { active: true } }, select: { userId: true }, orderBy: { userId: "asc" } } },
    }),
    prisma.notification.findMany({
      where: { event, sheetId: { in: ids }, month: { in: months } },
      select: { sheetId: true, month: true },
      distinct: ["sheetId", "month"],
    }),
  ]);
  const reminded = new Set(done.map((d) => `${d.sheetId}:${d.month}`));
  const byId = new Map(sheets.map((s) => [s.id, s]));
  return open.flatMap((o) => {
    const sheet = byId.get(o.sheetId);
    const leads = sheet?.assignments.map((a) => a.userId) ?? [];
    if (!sheet || leads.length === 0) return [];
    return o.months.filter((m) => !reminded.has(`${o.sheetId}:${m}`)).map((month) => ({ sheet: { id: sheet.id, name: sheet.name }, month, leads }));
  });
}

interface DepartmentSummary {
  departmentId: number;
  department: string;
  managers: number[];
  waiting: SummaryLine[];
  overdue: SummaryLine[];
}

/** Per department with an active manager and not yet summarised today: its months waiting for review and 逾期. */
async function departmentSummaries(prisma: PrismaClient, years: Year[], now: Date, day: string): Promise<DepartmentSummary[]> {
  const departments = await prisma.department.findMany({
    where: { users: { some: { role: "MANAGER", active: true } } },
    select: { id: true, name: true, users: { where: { role: "MANAGER", active: true }, select: { id: true }, orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
  });
  const keyOf = (departmentId: number) => `overdue-summary:${departmentId}:${day}:`;
  const summarised = departments.length
    ? await prisma.notification.findMany({
        where: { event: "OVERDUE_SUMMARY", OR: departments.map((d) => ({ idempotencyKey: { startsWith: keyOf(d.id) } })) },
        select: { idempotencyKey: true },
      })
    : [];
  const todo = departments.filter((d) => !summarised.some((n) => n.idempotencyKey.startsWith(keyOf(d.id))));
  if (todo.length === 0) return [];

  const submitted = await prisma.sheetMonth.findMany({
    where: { status: "SUBMITTED", sheet: { status: "PUBLISHED", unit: { departmentId: { in: todo.map((d) => d.id) } } } },
    select: {
      month: true,
      sheet: { select: { id: true, name: true, position: true, fiscalYear: { select: { year: true } }, unit: { select: { departmentId: true } } } },
    },
    orderBy: [{ sheet: { fiscalYear: { year: "asc" } } }, { sheet: { position: "asc" } }, { month: "asc" }],
  });
  const overdue = (
    await Promise.all(years.map(async (y) => (await findUnsubmitted(prisma, y.id, monthsPastDue(y.deadlines, now))).map((o) => ({ ...o, year: y.year }))))
  ).flat();
  const sheets = await prisma.targetSheet.findMany({
    where: { id: { in: overdue.map((o) => o.sheetId) } },
    select: { id: true, name: true, position: true, unit: { select: { departmentId: true } } },
  });
  const sheetOf = new Map(sheets.map((s) => [s.id, s]));

  return todo.flatMap((d) => {
    const waiting = new Map<number, SummaryLine>();
    for (const m of submitted.filter((m) => m.sheet.unit.departmentId === d.id)) {
      const line = waiting.get(m.sheet.id) ?? { sheet: m.sheet.name, year: m.sheet.fiscalYear.year, months: [] };
      line.months.push(m.month);
      waiting.set(m.sheet.id, line);
    }
    const late = overdue
      .filter((o) => sheetOf.get(o.sheetId)?.unit.departmentId === d.id)
      .sort((a, b) => a.year - b.year || sheetOf.get(a.sheetId)!.position - sheetOf.get(b.sheetId)!.position)
      .map((o) => ({ sheet: sheetOf.get(o.sheetId)!.name, year: o.year, months: o.months }));
    if (waiting.size === 0 && late.length === 0) return [];
    return [{ departmentId: d.id, department: d.name, managers: d.users.map((u) => u.id), waiting: [...waiting.values()], overdue: late }];
  });
}
