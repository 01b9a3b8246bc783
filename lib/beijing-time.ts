/** Moments as the users read them: Beijing time, whatever the server's zone (ux.md). */

const TIMESTAMP = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** `2025-07-31 16:05`, Beijing time (ux.md). */
export const formatTimestamp = (date: Date): string => TIMESTAMP.format(date).replace(",", "");

/** `2025-07-31`, Beijing time (the date printed on the 自评表). */
export const formatDate = (date: Date): string => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(date);
