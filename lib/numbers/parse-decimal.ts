import Decimal from "decimal.js";
import { asciiDigits } from "./ascii-digits";

/**
 * What people type into a number field → an exact decimal string, or a Chinese message saying why not.
 * Pure (no I/O, no JS `number`): the server parses with it, and the browser uses it to show what was
 * understood before saving.
 *
 * Accepted: half- and full-width digits, `.`/`．`, a leading `+`/`-`/`＋`/`－`/`−`, thousands separators
 * `,`/`，` in groups of three (`1,600.50`, `１，６００`), surrounding spaces (also the full-width space),
 * `.5` and `5.`; a trailing `%`/`％` only when the caller allows it (the value is then read in percent:
 * `85%` → `85`, as targets such as `=100%` are stored). Refused: empty input, exponents, `1.2.3`, `1,60`,
 * anything else.
 */
export type ParseDecimalResult = { ok: true; value: string; percent: boolean } | { ok: false; error: string };

export interface ParseDecimalOptions {
  /** Accept a trailing `%` (rows whose unit is a percentage). */
  allowPercent?: boolean;
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
  "．": ".",
  "，": ",",
  "－": "-",
  "−": "-",
  "＋": "+",
  "％": "%",
};

function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of asciiDigits(text)) out += FULL_WIDTH[ch] ?? ch;
  return out;
}

// sign, integer part (plain digits, or 1–3 digits then groups of ",ddd"), optional fraction.
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

export function parseDecimal(input: string, options: ParseDecimalOptions = {}): ParseDecimalResult {
  const shown = input.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
  if (shown === "") return { ok: false, error: "请输入数字" };
  const refuse = (hint?: string): ParseDecimalResult => ({ ok: false, error: `「${shown}」不是有效的数字${hint ? `：${hint}` : ""}` });

  let text = toHalfWidth(shown);
  let percent = false;
  if (text.endsWith("%")) {
    if (!options.allowPercent) return refuse("此处不能带百分号");
    percent = true;
    text = text.slice(0, -1).trimEnd();
  }
  const match = NUMBER.exec(text);
  if (!match) {
    if (/^[+-]?[\d,]*\.\d*\./.test(text)) return refuse("只能有一个小数点");
    if (/^[+-]?[\d,]+(\.\d*)?$/.test(text)) return refuse("千位分隔符应每三位一个，如 1,600.50");
    return refuse();
  }
  const [, sign, integer = "", fraction] = match;
  const digits = integer.replaceAll(",", "");
  if (digits === "" && !fraction) return refuse();
  const canonical = new Decimal(`${sign}${digits || "0"}.${fraction || "0"}`);
  return { ok: true, value: canonical.isZero() ? "0" : canonical.toFixed(), percent };
}

/** Number of digits after the point of a canonical decimal string (`"12.50"` → 2, `"3"` → 0). */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf(".");
  return dot < 0 ? 0 : value.length - dot - 1;
}
