import { normaliseTargetText, stripWhitespace } from "./normalise";
import type { Comparator, Target } from "./types";

export type ParseTargetResult = { ok: true; target: Target } | { ok: false; error: string };

// Longest comparators first so ">=" is not read as ">" followed by "=…".
const COMPARATOR = /^(>=|<=|>|<|=)/;
// Thousands separators only in proper groups of three: "1,600" is a number, "1,60" is not.
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?/;
// A unit that starts like more number or another comparator means the cell was not "comparator number unit".
const BAD_UNIT_START = /^[\d.,<>=+-]/;

export function parseTarget(raw: string): ParseTargetResult {
  const shown = raw.trim();
  const text = normaliseTargetText(raw);
  if (text === "") return { ok: false, error: "指标值为空" };

  const cmp = COMPARATOR.exec(text);
  if (!cmp) return { ok: true, target: { qualitative: stripWhitespace(raw) } };
  const op = cmp[1] as Comparator;
  const rest = text.slice(op.length);

  const num = NUMBER.exec(rest);
  const intPart = num?.[2];
  const fracPart = num?.[3];
  if (!num || (intPart === undefined && fracPart === undefined)) {
    return { ok: false, error: `指标值「${shown}」有比较符但没有可解析的数值` };
  }
  const unit = rest.slice(num[0].length);
  if (BAD_UNIT_START.test(unit)) {
    return { ok: false, error: `指标值「${shown}」的数值无法解析（多余的「${unit}」）` };
  }
  return { ok: true, target: { op, value: canonicalDecimal(num[1] ?? "", intPart ?? "0", fracPart ?? ""), unit } };
}

/** "+003.50" → "3.5", "-0" → "0", "1,600" → "1600": one spelling per value so targets compare as strings. */
function canonicalDecimal(sign: string, intPart: string, fracPart: string): string {
  const int = intPart.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  const frac = fracPart.replace(/0+$/, "");
  const body = frac === "" ? int : `${int}.${frac}`;
  return sign === "-" && /[1-9]/.test(body) ? `-${body}` : body;
}
