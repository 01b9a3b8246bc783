/**
 * 万元 and points for display: thousands separators, exactly 2 decimals, half-up (`1600` → `1,600.00`).
 * Works on the decimal string itself — never through a JS number — so large amounts stay exact.
 */
export function formatAmount(value: string): string {
  const match = /^\s*([+-]?)(\d+)(?:\.(\d*))?\s*$/.exec(value);
  if (!match) return value;
  const [, sign, whole, fraction = ""] = match as unknown as [string, string, string, string | undefined];
  let cents = BigInt(whole + (fraction + "00").slice(0, 2));
  if ((fraction[2] ?? "0") >= "5") cents += 1n;
  const digits = cents.toString().padStart(3, "0");
  const integer = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = sign === "-" && cents !== 0n;
  return `${negative ? "-" : ""}${integer}.${digits.slice(-2)}`;
}

/** A rate for display: `formatAmount` with `%`, or `—` when there is none (yet). */
export const formatPercent = (value: string | null): string => (value === null ? "—" : `${formatAmount(value)}%`);
