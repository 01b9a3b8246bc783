import Decimal from "decimal.js";
import { parseDecimal } from "@/lib/numbers/parse-decimal";

/**
 * Numbers typed as text the way Chinese spreadsheets hold them: `1,600.00`, `１０`, `10 分`, `1600万元`.
 * Returns undefined when the text is not a plain number, so the caller can name the cell. Whitespace
 * (also inside: `1 600`) and the unit go, the rest is parseDecimal's: commas only as proper thousands
 * groups ("1,60" is more likely a typo than 160), no percent sign.
 */
export function parseNumberText(raw: string, unitSuffix?: RegExp): Decimal | undefined {
  let s = raw.replace(/\s+/gu, "");
  if (unitSuffix) s = s.replace(unitSuffix, "");
  const parsed = parseDecimal(s);
  return parsed.ok ? new Decimal(parsed.value) : undefined;
}

/** A numeric cell: 10 decimal places drop binary noise (`0.1+0.2` in a formula) but keep every real digit. */
export const fromCellNumber = (n: number): Decimal => new Decimal(n).toDecimalPlaces(10);

/** Blank, or a dash typed for "none". */
export const isNil = (raw: string): boolean => /^[\s\-－—–]*$/u.test(raw);
