import { asciiDigits } from "@/lib/numbers/ascii-digits";

/**
 * Printed targets come from PDF extraction and from people typing in Chinese input methods, so the same
 * comparator or digit appears in several code points. Mapping them to ASCII first lets one grammar parse all.
 */
const CHAR_MAP: Readonly<Record<string, string>> = {
  "＞": ">",
  "＜": "<",
  "＝": "=",
  "≥": ">=",
  "≧": ">=",
  "⩾": ">=",
  "≤": "<=",
  "≦": "<=",
  "⩽": "<=",
  "．": ".",
  "＋": "+",
  "－": "-",
  "％": "%",
  // "，" is deliberately absent: in the document it separates list items, never thousands.
};

const WHITESPACE = /\s+/gu; // \s covers U+3000 (ideographic space) and U+00A0 as well

/** Whitespace removed; used for qualitative text, which keeps its printed characters. */
export const stripWhitespace = (raw: string): string => raw.replace(WHITESPACE, "");

/** Whitespace removed and comparators, digits and signs mapped to ASCII. */
export function normaliseTargetText(raw: string): string {
  let out = "";
  for (const ch of asciiDigits(stripWhitespace(raw))) {
    out += CHAR_MAP[ch] ?? ch;
  }
  return out;
}
