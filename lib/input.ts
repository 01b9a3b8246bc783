import Decimal from "decimal.js";
import { z } from "zod";
import "@/lib/zod-locale";
import { asciiDigits } from "@/lib/numbers/ascii-digits";
import { decimalPlaces, parseDecimal } from "@/lib/numbers/parse-decimal";

/**
 * The one input vocabulary: what an id, a version, a month, a year, an amount, a decimal and a piece of text
 * may be, wherever it comes from (a form's server action, a URL, the CLI, the JSON or Excel import). Each
 * boundary builds its schema from these pieces, so the same value is accepted or refused everywhere, with
 * the same message. Pure: no I/O.
 */

/** The largest value of a PostgreSQL INTEGER column (ids, versions). */
export const MAX_INT = 2_147_483_647;

/**
 * A whole number as code passes it or as a form field / URL sends it (`"7"`, full-width `"７"`). Any other
 * text reads as NaN, which the number schema refuses: a blank field is not 0, `"1e3"` is not 1000.
 */
const wholeFromText = (value: number | string): number => {
  if (typeof value === "number") return value;
  const text = asciiDigits(value.trim());
  return /^[+-]?\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
};

/** A whole number in [min, max], from a number or a form's text; `message` for anything else. */
export const wholeNumberOf = (message: string, min: number, max: number) =>
  z
    .union([z.number(), z.string()], { error: message })
    .transform(wholeFromText)
    .pipe(z.number({ error: message }).int(message).min(min, message).max(max, message));

/** A row id (every table's id is a serial starting at 1); `message` says which id, e.g. `请选择人员`. */
export const idOf = (message = "编号有误") => wholeNumberOf(message, 1, MAX_INT);
export const idSchema = idOf();

/**
 * The version of a record the user started from (optimistic locking). Stored versions start at 1 and move
 * up by one per write; 0 means the record did not exist yet when the form was read (a month's first entry,
 * a first evaluation). A 0 sent for a record that exists is a stale save (CONFLICT), not bad input.
 */
export const versionSchema = wholeNumberOf("版本号有误", 0, MAX_INT);

/** A month of the fiscal year. */
export const monthSchema = wholeNumberOf("月份应为 1–12", 1, 12);

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;
/** A fiscal year. */
export const yearSchema = wholeNumberOf(`年度应在 ${MIN_YEAR}–${MAX_YEAR} 之间`, MIN_YEAR, MAX_YEAR);

/** Column sizes of the decimals the database keeps: integer digits and places. */
export const DECIMAL_COLUMNS = {
  /** Indicator values, targets, forecasts: DECIMAL(18,4). */
  value: { places: 4, integerDigits: 14 },
  /** 万元 amounts: DECIMAL(14,2). */
  amount: { places: 2, integerDigits: 12 },
  /** Weights and scores in points: DECIMAL(7,2). */
  points: { places: 2, integerDigits: 5 },
} as const;
export type DecimalColumn = keyof typeof DECIMAL_COLUMNS;

export interface ReadDecimalOptions {
  column: DecimalColumn;
  /** Accept a trailing `%` (rows whose unit is a percentage). */
  allowPercent?: boolean;
  allowNegative?: boolean;
}

export type ReadDecimal = { ok: true; value: string } | { ok: false; message: string };

/**
 * A number as typed (full-width digits, `1,600.50`, see parseDecimal) → its canonical decimal string, or
 * why it cannot be stored: too many places or digits for its column, or negative where that is not allowed.
 */
export function readDecimal(text: string, options: ReadDecimalOptions): ReadDecimal {
  const parsed = parseDecimal(text, { allowPercent: options.allowPercent });
  if (!parsed.ok) return { ok: false, message: parsed.error };
  const shown = text.trim();
  const { places, integerDigits } = DECIMAL_COLUMNS[options.column];
  if (decimalPlaces(parsed.value) > places) return { ok: false, message: `最多保留 ${places} 位小数（「${shown}」）` };
  if (new Decimal(parsed.value).abs().gte(new Decimal(10).pow(integerDigits))) return { ok: false, message: `数值过大（「${shown}」）` };
  if (!options.allowNegative && parsed.value.startsWith("-")) return { ok: false, message: "不能为负数" };
  return { ok: true, value: parsed.value };
}

/**
 * An optional number as a form sends it (text) or code passes it (a number) → canonical decimal string;
 * blank → undefined. Refusals read `${label}${why}`.
 */
export const decimalOf = (label: string, options: ReadDecimalOptions) =>
  z
    .union([z.number(), z.string()], { error: `${label}应为数字` })
    .optional()
    .nullable()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return undefined;
      const read = readDecimal(String(raw), options);
      if (read.ok) return read.value;
      ctx.addIssue({ code: "custom", message: `${label}：${read.message}` });
      return z.NEVER;
    });

/**
 * A number as typed, kept as text for the use case to read with readDecimal, which knows the row it belongs
 * to (its unit allows `%`, its column, whether it may be negative) and names that row in the message.
 */
export const typedNumberText = z.string({ error: "应为文字" }).max(100, "内容过长");

/** An amount in 万元: never negative, at most 2 decimals, within DECIMAL(14,2); blank → undefined. */
export const moneyOf = (label: string) => decimalOf(label, { column: "amount" });

/** An amount as the interchange format writes it (`"1600.00"`): a plain decimal string, same limits as moneyOf. */
export const moneyText = z
  .string({ error: '应为数字字符串，如 "1600.00"' })
  .regex(/^\d+(\.\d{1,2})?$/, "金额应为非负数，最多两位小数（万元）")
  .refine((v) => v.split(".")[0]!.replace(/^0+(?=\d)/, "").length <= DECIMAL_COLUMNS.amount.integerDigits, "金额过大");

/**
 * Maximum lengths of text, the same in the forms, `sheets:import` and the Excel import. They are generous
 * for what the printed forms hold (the 2025 sheets' longest 项目总体目标 has a few hundred characters).
 */
export const TEXT_MAX = {
  /** 部门, 预算单位, 项目负责人, 指标值 as printed. */
  name: 100,
  /** 项目名称. */
  title: 200,
  /** 一级指标, 二级指标, 佐证资料 kinds, a person's 姓名. */
  label: 50,
  /** 三级指标, 指标值设置依据, 上年完成值, 赋分规则. */
  line: 500,
  /** 项目总体目标 / 年度绩效目标. */
  goal: 5000,
  /** Reasons and comments (退回意见, 调整原因, 重新开放原因). */
  reason: 1000,
  /** 偏差原因, 改进措施, 偏差原因分析及改进措施. */
  note: 2000,
} as const;

/** Rows of one sheet, and 佐证资料 kinds of one row, as many as a printed form holds with room to spare. */
export const MAX_INDICATORS = 200;
export const MAX_EVIDENCE_KINDS = 50;

/**
 * NUL and the other control characters (C0, DEL, C1). Tab, line feed and carriage return are control
 * characters too, allowed in multi-line fields only.
 */
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const isTabOrLineBreak = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;

/** Why a text cannot be stored, or null: control characters (tab and line breaks only in multi-line fields). */
export function textProblem(text: string, options: { multiline?: boolean } = {}): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code) || (options.multiline && isTabOrLineBreak(code))) continue;
    const hex = code.toString(16).toUpperCase().padStart(4, "0");
    return `含有不可见的控制字符（U+${hex}，第 ${i + 1} 个字符）${options.multiline ? "" : "，此处也不能换行"}，请删除后重试`;
  }
  return null;
}

/** Text to quote in a message: every control character shown as `�`, so none reaches a terminal or page. */
export const withoutControls = (text: string): string => Array.from(text, (ch) => (isControl(ch.charCodeAt(0)) ? "\uFFFD" : ch)).join("");

export interface TextOptions {
  max: number;
  /** Tab and line breaks allowed (text areas). */
  multiline?: boolean;
  /** Trim surrounding whitespace (forms); the interchange format keeps text byte for byte. */
  trim?: boolean;
}

/** A text field: a string, at most `max` characters, no control characters; `label` names it in messages. */
export const textOf = (label: string, options: TextOptions) => {
  const base = z.string({ error: `${label}应为文字` });
  return (options.trim === false ? base : base.trim()).max(options.max, `${label}不能超过 ${options.max} 个字`).superRefine((text, ctx) => {
    const problem = textProblem(text, options);
    if (problem) ctx.addIssue({ code: "custom", message: `${label}${problem}` });
  });
};
