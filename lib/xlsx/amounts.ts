import Decimal from "decimal.js";
import type { GridCell } from "./grid";
import { fromCellNumber, isNil, parseNumberText } from "./numbers";
import { cleanText } from "./text";

export type AmountResult = { ok: true; value: Decimal } | { ok: false; text: string; message: string };

/**
 * A 万元 amount: a number cell, or text like `1,600.00` / `1600万元`. Blank or `-` means 0 where the form
 * lets a part stay empty (其他资金 on a project paid wholly from 财政拨款).
 */
export function readAmount(cell: GridCell | undefined, required: boolean): AmountResult {
  const raw = cell?.text.trim() ?? "";
  if (cell?.number === undefined && isNil(raw)) {
    return required ? { ok: false, text: "", message: "缺少金额" } : { ok: true, value: new Decimal(0) };
  }
  const value = cell?.number !== undefined ? fromCellNumber(cell.number) : parseNumberText(raw, /万?元$/);
  if (value === undefined) return { ok: false, text: cleanText(raw), message: `「${cleanText(raw)}」不是数字` };
  if (value.isNegative() || value.decimalPlaces() > 2) {
    return { ok: false, text: value.toFixed(), message: `「${raw}」应为非负数，最多两位小数（万元）` };
  }
  return { ok: true, value };
}
