import { isQuantitative, isReverse, type ParseTargetResult } from "@/lib/targets";
import { SCORING_RULES } from "@/lib/scoring/types";
import { isBareNumber } from "./targets";
import type { LintIssue } from "./types";

const KNOWN = new Set<string>(SCORING_RULES);
/** Rules that compute a score from a number: they cannot apply to a qualitative target. */
const FORMULA_RULES = new Set(["按照完成比例赋分", "直接赋分", "满意度赋分"]);

/**
 * Whether the 赋分规则 fits the 指标值 (docs/scoring.md). A qualitative row is always graded by the
 * evaluator, so a formula rule on it would be silently ignored; 满意度赋分 measures a rate in %.
 * `按评判等级赋分` on a quantitative row is allowed (the evaluator grades, helped by the ratio).
 * `parsed` is parseTarget(targetRaw).
 */
export function lintRule(rule: string | undefined, targetRaw: string, parsed: ParseTargetResult, row: number, kind: "project" | "department"): LintIssue[] {
  const at = { row, field: "rule" } as const;
  const text = (rule ?? "").trim();
  if (text === "") {
    // The department sheet prints no rule: its rows are scored as proportional.
    return kind === "department" ? [] : [{ level: "warning", ...at, code: "rule.missing", message: "未填写赋分规则，将按「按照完成比例赋分」计分" }];
  }
  if (!KNOWN.has(text)) return [{ level: "error", ...at, code: "rule.unknown", message: `赋分规则「${text}」应为 ${SCORING_RULES.join("、")} 之一` }];
  if (!parsed.ok) return []; // the target's own check reports it
  const target = parsed.target;
  if (!isQuantitative(target)) {
    return FORMULA_RULES.has(text) && !isBareNumber(targetRaw)
      ? [
          {
            level: "warning",
            ...at,
            code: "rule.mismatch",
            message: `定性指标「${target.qualitative}」没有数值，不能「${text}」，年终将由评价人按评判等级赋分；建议改为「按评判等级赋分」`,
          },
        ]
      : [];
  }
  if (text === "满意度赋分" && (target.unit !== "%" || isReverse(target.op))) {
    return [{ level: "warning", ...at, code: "rule.mismatch", message: `「满意度赋分」按满意度百分比计分，指标值「${targetRaw.trim()}」不是「>=百分比」` }];
  }
  return [];
}
