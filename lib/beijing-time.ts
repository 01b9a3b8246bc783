/**
 * Moments as the users read them: Beijing time, whatever the server's (or the browser's) zone
 * (docs/ux.md, docs/formats.md). Every date or time shown, exported or used as a day boundary goes
 * through here; nothing else reads a Date's local fields.
 */

const ZONE = "Asia/Shanghai";
/** China has kept UTC+8 without daylight saving since 1991, so a Beijing day is a fixed UTC window. */
const OFFSET_MS = 8 * 60 * 60_000;

const TIMESTAMP = new Intl.DateTimeFormat("sv-SE", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** `2025-07-31 16:05`, Beijing time. */
export const formatTimestamp = (date: Date): string => TIMESTAMP.format(date).replace(",", "");

/** `2025-07-31`, the Beijing date (the date printed on the 自评表). */
export const formatDate = (date: Date): string => DATE.format(date);

/** The Beijing calendar year and month (1–12) of a moment. */
export function beijingYearMonth(date: Date): { year: number; month: number } {
  const [year, month] = formatDate(date).split("-").map(Number) as [number, number];
  return { year, month };
}

/** The Beijing calendar year of a moment (the fiscal year is the calendar year). */
export const beijingYear = (date: Date = new Date()): number => beijingYearMonth(date).year;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a day of the calendar (no 2025-02-30). */
export function isCalendarDay(day: string): boolean {
  const match = DAY.exec(day);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The moment a Beijing day `YYYY-MM-DD` begins, `days` later: a filter 2025-07-31 … 2025-07-31 covers
 * [beijingDayStart("2025-07-31"), beijingDayStart("2025-07-31", 1)).
 */
export function beijingDayStart(day: string, days = 0): Date {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days) - OFFSET_MS);
}

/** An ISO timestamp as stored in JSON (audit before/after): `2025-07-31T08:05:00.000Z`. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A stored ISO timestamp read as Beijing time; null when the text is not one. */
export function formatIsoTimestamp(text: string): string | null {
  if (!ISO_TIMESTAMP.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : formatTimestamp(date);
}
