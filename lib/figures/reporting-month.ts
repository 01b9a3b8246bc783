import { beijingYearMonth } from "@/lib/beijing-time";

/**
 * The month leads report on now: the current calendar month (Beijing time) of the fiscal year, 12 once the
 * year is over, 0 before it starts. Months after it cannot be entered yet: a value "as of the end of the month"
 * for a month that has not begun means nothing.
 */
export function reportingMonth(fiscalYear: number, now: Date = new Date()): number {
  const { year, month } = beijingYearMonth(now);
  if (year < fiscalYear) return 0;
  if (year > fiscalYear) return 12;
  return month;
}
