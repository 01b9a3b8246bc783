import { beijingDayStart, formatDate, isCalendarDay } from "@/lib/beijing-time";
import { asciiDigits } from "@/lib/numbers/ascii-digits";

/**
 * 填报期限 (reporting deadlines), the rules in one place. Pure: no database here.
 *
 * - A month's report (进度填报 submitted for review) is due by the 10th of the next month — December's by 10 January of
 *   the next year — unless an admin set another day for that month (holidays). The year-end 自评 is due by
 *   31 January and the 年终评价 by the last day of February of the next year, unless set otherwise.
 * - A deadline is a Beijing calendar day and includes the whole of it: on time through 23:59:59 Beijing time, 逾期
 *   from 00:00 of the next day, whatever the server's time zone (lib/beijing-time.ts).
 * - A sheet-month is 逾期 once its deadline has passed while it is not submitted: neither 已提交 nor 已通过. A
 *   returned (or reopened) month is owed again, so past its deadline it is 逾期 until it is submitted again. A month
 *   inside the period an admin has locked stays 逾期: the lock stops the writes, it does not make the report arrive.
 */

/** A Beijing calendar day, `YYYY-MM-DD`. */
export type Day = string;

export const DEFAULT_REPORT_DAY = 10;

const pad = (n: number) => String(n).padStart(2, "0");
const dayOf = (year: number, month: number, day: number): Day => `${year}-${pad(month)}-${pad(day)}`;
/** The last day of a calendar month. */
const lastDayOf = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The default deadline of month `month` of fiscal year `year`: the 10th of the next month. */
export function defaultReportDue(year: number, month: number): Day {
  return month === 12 ? dayOf(year + 1, 1, DEFAULT_REPORT_DAY) : dayOf(year, month + 1, DEFAULT_REPORT_DAY);
}

export type YearEndKind = "SELF_EVALUATION" | "EVALUATION";

/** The default year-end deadlines: 自评 by 31 January, 年终评价 by the end of February of the next year. */
export function defaultYearEndDue(year: number, kind: YearEndKind): Day {
  return kind === "SELF_EVALUATION" ? dayOf(year + 1, 1, 31) : dayOf(year + 1, 2, lastDayOf(year + 1, 2));
}

/** The first moment after a deadline day: 00:00 Beijing time of the next day. */
export const dueEnd = (due: Day): Date => beijingDayStart(due, 1);

/** Whether a deadline has passed at `now` (from 00:00 Beijing time of the day after it). */
export const isPastDue = (due: Day, now: Date): boolean => now.getTime() >= dueEnd(due).getTime();

/** Whole Beijing calendar days from today to the deadline day: 0 on the day itself, negative once it has passed. */
export function daysUntil(due: Day, now: Date): number {
  const today = beijingDayStart(formatDate(now)).getTime();
  return Math.round((beijingDayStart(due).getTime() - today) / 86_400_000);
}

/** A month counts as submitted while it is 已提交 or 已通过 (a returned or reopened month is owed again). */
export const isSubmittedStatus = (status: string): boolean => status === "SUBMITTED" || status === "APPROVED";

/** Whether a sheet-month is 逾期 at `now`: its deadline has passed and it is not submitted. */
export const isOverdue = (due: Day, status: string | null, now: Date): boolean => isPastDue(due, now) && !isSubmittedStatus(status ?? "DRAFT");

/** The months (1–12) of a year whose deadline has passed at `now`, in order. */
export const monthsPastDue = (deadlines: YearDeadlines, now: Date): number[] => deadlines.months.filter((m) => isPastDue(m.due, now)).map((m) => m.month);

export interface DeadlineView {
  due: Day;
  /** The admin's reason for a day other than the default (empty for the default). */
  note: string;
  /** No deadline was set: this is the default. */
  isDefault: boolean;
}

export interface MonthDeadline extends DeadlineView {
  month: number;
}

/** One fiscal year's deadlines, stored ones over the defaults. */
export interface YearDeadlines {
  year: number;
  /** Months 1–12, in order. */
  months: MonthDeadline[];
  selfEvaluation: DeadlineView;
  evaluation: DeadlineView;
}

export interface StoredDeadline {
  kind: "REPORT" | YearEndKind;
  month: number;
  due: Day;
  note: string;
}

/** A year's deadlines: each stored one where the admin set it, else the default. */
export function resolveDeadlines(year: number, stored: readonly StoredDeadline[]): YearDeadlines {
  const find = (kind: StoredDeadline["kind"], month: number) => stored.find((d) => d.kind === kind && d.month === month);
  const view = (set: StoredDeadline | undefined, fallback: Day): DeadlineView =>
    set ? { due: set.due, note: set.note, isDefault: false } : { due: fallback, note: "", isDefault: true };
  return {
    year,
    months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...view(find("REPORT", i + 1), defaultReportDue(year, i + 1)) })),
    selfEvaluation: view(find("SELF_EVALUATION", 0), defaultYearEndDue(year, "SELF_EVALUATION")),
    evaluation: view(find("EVALUATION", 0), defaultYearEndDue(year, "EVALUATION")),
  };
}

/**
 * Why a deadline day cannot be set, or null. A month's report cannot be due before the month's last day (its values
 * are as of month end); a year-end deadline not before 31 December; none later than the end of the next year.
 */
export function dueProblem(year: number, kind: StoredDeadline["kind"], month: number, due: Day): string | null {
  if (!isCalendarDay(due)) return `「${due}」不是有效日期，请按 2025-08-10 的格式填写`;
  const earliest = kind === "REPORT" ? dayOf(year, month, lastDayOf(year, month)) : dayOf(year, 12, 31);
  const latest = dayOf(year + 1, 12, 31);
  if (due < earliest) return kind === "REPORT" ? `${month}月的截止日不能早于${earliest}（该月最后一天）` : `年终截止日不能早于${earliest}`;
  if (due > latest) return `截止日不能晚于${latest}`;
  return null;
}

/**
 * A day as typed: `2025-08-10`, `2025-8-10`, `2025/8/10`, `2025年8月10日`, full-width digits → `YYYY-MM-DD`; blank → "";
 * null when it is not a date at all.
 */
export function readDay(text: string): Day | null {
  const ascii = asciiDigits(text.trim());
  if (ascii === "") return "";
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(ascii);
  if (!match) return null;
  const day = dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  return isCalendarDay(day) ? day : null;
}

/** A deadline as the pages show it, Beijing time: `2025-08-10 23:59`. */
export const dueText = (due: Day): string => `${due} 23:59`;

/** `还剩3天` / `今天截止` / `已逾期5天`, from daysUntil. */
export function countdownText(days: number): string {
  if (days > 0) return `还剩${days}天`;
  if (days === 0) return "今天截止";
  return `已逾期${-days}天`;
}

/** Months as a short list, runs joined: [1, 2, 3, 4, 6] → `1–4、6月`; [] → "". */
export function monthsListText(months: readonly number[]): string {
  const runs: string[] = [];
  let start: number | null = null;
  let prev: number | null = null;
  for (const m of [...months].sort((a, b) => a - b)) {
    if (prev !== null && m === prev + 1) {
      prev = m;
      continue;
    }
    if (start !== null) runs.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = m;
    prev = m;
  }
  if (start !== null) runs.push(start === prev ? `${start}` : `${start}–${prev}`);
  return runs.length === 0 ? "" : `${runs.join("、")}月`;
}

/** A sheet's 逾期 months as the tables show them: `1–4、6月（5个月）`; `—` when none. */
export const overdueText = (months: readonly number[]): string => (months.length === 0 ? "—" : `${monthsListText(months)}（${months.length}个月）`);
