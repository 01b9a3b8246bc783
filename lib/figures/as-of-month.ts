import { reportingMonth } from "./reporting-month";

/**
 * The month (1–12) the scorecard, 运行监控 and their exports measure — their 截至月份 (docs/monitoring.md): every
 * light and projection is "as of month N". One definition, so the pages agree on which month they show.
 */

/** The months a fiscal year can be measured at now (Beijing time): 1 … its current month; all 12 once it is over. */
export function measurableMonths(fiscalYear: number, now: Date): number[] {
  return Array.from({ length: Math.max(1, reportingMonth(fiscalYear, now)) }, (_, k) => k + 1);
}

/**
 * The month measured when none is asked: the latest month with submitted data (a month nobody has reported yet
 * would show every sheet behind), else the current month of the fiscal year (1 before it starts, 12 once over).
 */
export function defaultAsOfMonth(fiscalYear: number, lastSubmittedMonth: number | null, now: Date): number {
  const last = measurableMonths(fiscalYear, now).length;
  return lastSubmittedMonth === null ? last : Math.min(lastSubmittedMonth, last);
}

/** The month asked for when it can be measured, else the default. */
export function resolveAsOfMonth(asked: number | undefined, fiscalYear: number, lastSubmittedMonth: number | null, now: Date): number {
  if (asked !== undefined && measurableMonths(fiscalYear, now).includes(asked)) return asked;
  return defaultAsOfMonth(fiscalYear, lastSubmittedMonth, now);
}
