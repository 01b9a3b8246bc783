import type { Cell, CellValue } from "exceljs";
import { fromCellNumber } from "./numbers";

/** What a cell shows, reduced to text (and its number, when it holds one). */
export interface CellContent {
  text: string;
  /** The numeric value of a number cell or a formula's numeric result. */
  number?: number;
  /**
   * The text as it was typed. Differs from `text` for `=100%` or `=4`: Excel turns such an entry in the
   * 指标值 column into a formula whose result (1, 4) loses the comparator the person typed.
   */
  asTyped: string;
}

const EMPTY: CellContent = { text: "", asTyped: "" };

export function cellContent(cell: Cell | undefined): CellContent {
  if (!cell) return EMPTY;
  return contentOf(cell.value, cell.numFmt);
}

function contentOf(value: CellValue | undefined, numFmt: string | undefined): CellContent {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") {
    const text = numberText(value, numFmt);
    return { text, number: value, asTyped: text };
  }
  if (typeof value === "string") return { text: value, asTyped: value };
  if (typeof value === "boolean") return same(value ? "TRUE" : "FALSE");
  // An Excel date has no zone: exceljs hands it over as that day's UTC midnight, so its UTC date is the
  // day as typed (reading it in Beijing time would be the same day; in the server's zone it might not be).
  if (value instanceof Date) return same(value.toISOString().slice(0, 10));
  if ("richText" in value) return same(value.richText.map((run) => run.text).join(""));
  if ("hyperlink" in value) {
    const text = value.text as unknown;
    return typeof text === "string" ? same(text) : contentOf(text as CellValue, numFmt);
  }
  if ("error" in value) return same(String(value.error));
  if ("formula" in value || "sharedFormula" in value) {
    const formula = "formula" in value ? value.formula : undefined;
    const result = value.result;
    // Without a cached result (a file saved by a tool that does not calculate) show the formula, so a
    // problem names something the person recognises instead of an empty cell.
    const shown = result === undefined ? same(`=${formula ?? ""}`) : contentOf(result as CellValue, numFmt);
    const literal = formula !== undefined && /^\s*[+-]?\d+(\.\d+)?\s*%?\s*$/.test(formula);
    return literal ? { ...shown, asTyped: `=${formula.trim()}` } : shown;
  }
  return EMPTY;
}

const same = (text: string): CellContent => ({ text, asTyped: text });

/** A percent-formatted 1 reads `100%`, as the person sees it; otherwise the plain decimal. */
function numberText(n: number, numFmt: string | undefined): string {
  const d = fromCellNumber(n);
  return numFmt?.includes("%") ? `${d.times(100).toDecimalPlaces(8).toFixed()}%` : d.toFixed();
}
