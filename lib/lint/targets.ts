import Decimal from "decimal.js";
import { allowsNegative, isQuantitative, normaliseTargetText, parseTarget, type ParseTargetResult } from "@/lib/targets";
import type { LintIssue } from "./types";

/** A cell that is only a number and a short unit (`100%`, `9项`): a target whose comparator was forgotten. */
const BARE_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?[^\d\s]{0,4}$/u;
const HAS_DIGIT = /\d/;

/** `100%`, `9项`: qualitative by the grammar, but surely a quantitative target missing its comparator. */
export const isBareNumber = (targetRaw: string): boolean => BARE_NUMBER.test(normaliseTargetText(targetRaw)) && HAS_DIGIT.test(targetRaw);

/**
 * One row's 指标值: parses, has a unit, is plausible. `row` is the 0-based index; `parsed` when already parsed;
 * `name` (三级指标) tells a growth rate, whose value may be negative.
 */
export function lintTarget(targetRaw: string, row: number, parsed: ParseTargetResult = parseTarget(targetRaw), name = ""): LintIssue[] {
  const at = { row, field: "targetRaw" } as const;
  if (!targetRaw.trim()) return [{ level: "error", ...at, code: "target.missing", message: "缺少指标值" }];
  if (!parsed.ok) return [{ level: "error", ...at, code: "target.unparsed", message: parsed.error }];
  const target = parsed.target;
  const shown = targetRaw.trim();
  if (!isQuantitative(target)) {
    const text = normaliseTargetText(targetRaw);
    if (!HAS_DIGIT.test(text)) return [];
    if (BARE_NUMBER.test(text)) {
      return [
        {
          level: "error",
          ...at,
          code: "target.bare-number",
          message: `指标值「${shown}」缺少比较符，会被当作定性指标；请写成 =${text}、>=${text} 或 <=${text}`,
        },
      ];
    }
    return [
      {
        level: "warning",
        ...at,
        code: "target.number-in-text",
        message: `指标值「${shown}」含有数字但不以比较符开头，将按定性指标由评价人评判；如是定量指标，请写成「>=数值单位」`,
      },
    ];
  }
  const issues: LintIssue[] = [];
  if (target.unit === "") {
    issues.push({ level: "warning", ...at, code: "target.no-unit", message: `指标值「${shown}」没有计量单位（如 项、人、%）` });
  }
  // A percent target above 100 is usually a typo (`>=900%` for `>=90%`); the unit is normalised (`％` → `%`).
  if (target.unit === "%" && (target.op === ">=" || target.op === ">" || target.op === "=") && new Decimal(target.value).greaterThan(100)) {
    issues.push({ level: "warning", ...at, code: "target.percent-over-100", message: `指标值「${shown}」要求超过 100%，请确认不是笔误` });
  }
  if (allowsNegative({ name, target })) {
    issues.push({
      level: "note",
      ...at,
      code: "target.may-be-negative",
      message: "增长率类指标：实际完成值可为负数（下降时填负数，如 -3%），其他指标不能填负数",
    });
  }
  return issues;
}
