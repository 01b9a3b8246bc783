import Decimal from "decimal.js";

/**
 * Numbers typed as text the way Chinese spreadsheets hold them: `1,600.00`, `１０`, `10 分`, `1600万元`.
 * Returns undefined when the text is not a plain number, so the caller can name the cell.
 */
export function parseNumberText(raw: string, unitSuffix?: RegExp): Decimal | undefined {
  let s = raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, ".")
    .replace(/，/g, ",")
    .replace(/[＋]/g, "+")
    .replace(/[－]/g, "-")
    .replace(/\s+/gu, "");
  if (unitSuffix) s = s.replace(unitSuffix, "");
  // Commas only as proper thousands groups: "1,60" is more likely a typo than 160.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  return new Decimal(s);
}

/** A numeric cell: 10 decimal places drop binary noise (`0.1+0.2` in a formula) but keep every real digit. */
export const fromCellNumber = (n: number): Decimal => new Decimal(n).toDecimalPlaces(10);

/** Blank, or a dash typed for "none". */
export const isNil = (raw: string): boolean => /^[\s\-－—–]*$/u.test(raw);
