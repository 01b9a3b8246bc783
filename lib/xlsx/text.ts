import { asciiDigits } from "@/lib/numbers/ascii-digits";

/**
 * Cell text as docs/transcription.md wants it stored: what was typed, minus the whitespace that Excel line breaks,
 * alignment spaces and copy-paste leave inside Chinese words and numbers.
 */

// Characters next to which whitespace is never meaningful: Han, CJK and full-width punctuation, curly
// quotes and dashes used in Chinese text, and digits (`24 期`, `2025 年`).
const TIGHT = String.raw`\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2010-\u2027\u2030-\u205E\u00B7\d`;
const SPACE_BETWEEN = new RegExp(String.raw`(?<=[${TIGHT}])\s+|\s+(?=[${TIGHT}])`, "gu");

/**
 * Line breaks and spaces next to CJK characters or digits are removed; elsewhere (between Latin words)
 * a run of whitespace becomes one space, so `ISO 9001` stays readable.
 */
export function cleanText(raw: string): string {
  return raw.trim().replace(SPACE_BETWEEN, "").replace(/\s+/gu, " ");
}

// A phone number: 5+ digits, possibly with an area code, dashes, a leading + and brackets.
const PHONE = /[(（]?\+?\d[\d\-－—()（） ]{3,}\d[)）]?/g;

/**
 * 项目负责人 / 部门联系人 as printed, without phone numbers: the department form puts 联系电话 beside the
 * names and people often type it into the same cell. Names keep the single spaces that separate them.
 */
export function cleanLead(raw: string): string {
  return asciiDigits(raw)
    .replace(/(联系)?(电话|手机)\s*[:：]?/g, " ")
    .replace(PHONE, " ")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^[、，,;；/]+|[、，,;；/]+$/g, "")
    .trim();
}

/**
 * `说明材料,工作资料` (or `，` `、` `；`) → the kinds in printed order. A line break is not a separator:
 * narrow cells wrap inside a word (`说明\n材料`).
 */
export function splitEvidence(raw: string): string[] {
  return raw
    .split(/[,，、;；]+/)
    .map(cleanText)
    .filter((s) => s !== "");
}
