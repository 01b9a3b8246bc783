import { beijingYearMonth, formatTimestamp } from "@/lib/beijing-time";
import { countdownText, daysUntil, dueText, isPastDue, type YearDeadlines } from "@/lib/deadlines/rules";

/**
 * When the scheduler reminds whom of what (docs/notifications.md, 期限与提醒). Pure: no database here.
 *
 * - 截止提醒 (DEADLINE_SOON), to the sheet's leads: a month not submitted whose deadline is 3 days away or less
 *   (Beijing dates), once per sheet × month.
 * - 逾期提醒 (DEADLINE_PASSED), to the sheet's leads: a month not submitted by its deadline, once per sheet × month,
 *   while the deadline passed no more than PASSED_WINDOW_DAYS ago — a new installation, or a server that was down for
 *   months, does not flood anyone with reminders about a year long gone (the 工作台 shows those as 逾期 anyway).
 * - 逾期汇总 (OVERDUE_SUMMARY), to the department's managers and its group robot: once a day, the months waiting for
 *   review and the 逾期 months of the active years, when there is any.
 * Reminders go out from REMINDER_HOUR (Beijing time): a pass before it only delivers what is queued. The active years
 * are the current one and, until the end of February, the previous one (its November and December are due in the new
 * year).
 */

export const SOON_DAYS = 3;
export const PASSED_WINDOW_DAYS = 30;
export const REMINDER_HOUR = 8;

/** The Beijing hour (0–23) of a moment. */
export const beijingHour = (now: Date): number => Number(formatTimestamp(now).slice(11, 13));

/** Whether a pass at `now` may raise reminders (from 08:00 Beijing time). */
export const remindersDue = (now: Date): boolean => beijingHour(now) >= REMINDER_HOUR;

/** The fiscal years reminders are about at `now`. */
export function activeYears(now: Date): number[] {
  const { year, month } = beijingYearMonth(now);
  return month <= 2 ? [year - 1, year] : [year];
}

/** The months of a year whose deadline is 0–3 days away. */
export const monthsDueSoon = (deadlines: YearDeadlines, now: Date): number[] =>
  deadlines.months.filter((m) => !isPastDue(m.due, now) && daysUntil(m.due, now) <= SOON_DAYS).map((m) => m.month);

/** The months of a year whose deadline passed within the window. */
export const monthsJustPassed = (deadlines: YearDeadlines, now: Date): number[] =>
  deadlines.months.filter((m) => isPastDue(m.due, now) && daysUntil(m.due, now) >= -PASSED_WINDOW_DAYS).map((m) => m.month);

export interface ReminderText {
  title: string;
  body: string;
  link: string;
}

const monthText = (year: number, month: number) => `${year}年${month}月`;

export function soonText(sheet: { id: number; name: string }, year: number, month: number, due: string, now: Date): ReminderText {
  return {
    title: `「${sheet.name}」${monthText(year, month)}月报将于 ${dueText(due)} 截止（${countdownText(daysUntil(due, now))}）`,
    body: "该月月报尚未提交审核，请在截止前填报并提交。",
    link: `/sheets/${sheet.id}/progress?month=${month}`,
  };
}

export function passedText(sheet: { id: number; name: string }, year: number, month: number, due: string): ReminderText {
  return {
    title: `「${sheet.name}」${monthText(year, month)}月报已逾期（截止 ${dueText(due)}）`,
    body: "该月月报截止时仍未提交审核，请尽快填报并提交。",
    link: `/sheets/${sheet.id}/progress?month=${month}`,
  };
}

export interface SummaryLine {
  sheet: string;
  year: number;
  months: number[];
}

/** How many lines of each list the summary spells out; the rest is a count (the 工作台 has them all). */
const SUMMARY_LINES = 20;

export function summaryText(department: string, waiting: SummaryLine[], overdue: SummaryLine[], day: string): ReminderText {
  const count = (lines: SummaryLine[]) => lines.reduce((n, l) => n + l.months.length, 0);
  const list = (lines: SummaryLine[], what: string) => {
    const shown = lines.slice(0, SUMMARY_LINES).map((l) => `· ${l.sheet}：${l.year}年${l.months.join("、")}月`);
    if (lines.length > SUMMARY_LINES) shown.push(`· 另有 ${lines.length - SUMMARY_LINES} 张绩效目标表`);
    return lines.length === 0 ? [] : [`${what}（${count(lines)} 个月份）：`, ...shown];
  };
  return {
    title: `${department} ${day}：${count(waiting)} 个月报待审核，${count(overdue)} 个月份逾期未报`,
    body: [...list(waiting, "待审核"), ...list(overdue, "逾期未报")].join("\n"),
    link: "/",
  };
}

/**
 * The year-end deadlines (自评 by the sheet's leads, 年终评价 by its evaluators) remind like a month's: 截止提醒 0–3 days
 * before, 逾期提醒 once it has passed (within the same window), once per sheet, while the evaluation is not final.
 */
export type YearEndPhase = "soon" | "passed";

export function yearEndPhase(due: string, now: Date): YearEndPhase | null {
  if (!isPastDue(due, now)) return daysUntil(due, now) <= SOON_DAYS ? "soon" : null;
  return daysUntil(due, now) >= -PASSED_WINDOW_DAYS ? "passed" : null;
}

/** The fiscal years whose year-end deadlines may be near at `now`: last year's, and this year's (an admin may set 31 December). */
export function yearEndYears(now: Date): number[] {
  const { year } = beijingYearMonth(now);
  return [year - 1, year];
}

const YEAR_END_WORK = {
  SELF_EVALUATION: { what: "年度自评", todo: "尚未提交", ask: "完成自评并提交" },
  EVALUATION: { what: "年终评价", todo: "尚未定稿", ask: "完成评分并定稿" },
} as const;

export function yearEndText(
  kind: keyof typeof YEAR_END_WORK,
  phase: YearEndPhase,
  sheet: { id: number; name: string },
  year: number,
  due: string,
  now: Date,
): ReminderText {
  const work = YEAR_END_WORK[kind];
  const link = `/sheets/${sheet.id}/evaluate`;
  if (phase === "soon")
    return {
      title: `「${sheet.name}」${year}年${work.what}将于 ${dueText(due)} 截止（${countdownText(daysUntil(due, now))}）`,
      body: `该表的${work.what}${work.todo}，请在截止前${work.ask}。`,
      link,
    };
  return {
    title: `「${sheet.name}」${year}年${work.what}已逾期（截止 ${dueText(due)}）`,
    body: `该表的${work.what}截止时仍${work.todo}，请尽快${work.ask}。`,
    link,
  };
}
