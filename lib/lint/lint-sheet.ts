import { parseTarget } from "@/lib/targets";
import { lintGoalNumbers } from "./goal-numbers";
import { lintHeader } from "./header";
import { lintRule } from "./rules";
import { lintRowFields } from "./rows";
import { lintTarget } from "./targets";
import type { LintIssue, LintSheet } from "./types";
import { lintWeights } from "./weights";

/**
 * Everything worth telling the author of a target sheet, while they edit and when a workbook is
 * imported. Errors stop publishing (and importing); warnings are shown and left to the author; notes say
 * how a row will be read (a growth rate may be negative).
 * Ordered: the sheet's own findings first, then by row, each row's findings in column order.
 */
export function lintSheet(sheet: LintSheet): LintIssue[] {
  const kind = sheet.kind ?? "project";
  const issues: LintIssue[] = [...lintHeader(sheet)];
  if (sheet.indicators.length === 0) issues.push({ level: "error", field: "indicators", code: "rows.none", message: "至少需要一个指标" });
  issues.push(...lintWeights(sheet), ...lintRowFields(sheet));
  // Each row's target parsed once, for the target, rule and goal checks.
  const targets = sheet.indicators.map((indicator) => parseTarget(indicator.targetRaw));
  sheet.indicators.forEach((indicator, row) => {
    const parsed = targets[row]!;
    issues.push(...lintTarget(indicator.targetRaw, row, parsed, indicator.name), ...lintRule(indicator.rule, indicator.targetRaw, parsed, row, kind));
  });
  issues.push(...lintGoalNumbers(sheet.goal, sheet.indicators, targets));
  return sortIssues(issues);
}

const FIELD_ORDER = ["level1", "level2", "name", "targetRaw", "basis", "lastYear", "weight", "rule", "evidence"];

function sortIssues(issues: LintIssue[]): LintIssue[] {
  const rank = (i: LintIssue) => (i.field ? FIELD_ORDER.indexOf(i.field) : -1);
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.row ?? -1) - (b.issue.row ?? -1) || rank(a.issue) - rank(b.issue) || a.order - b.order)
    .map(({ issue }) => issue);
}

export const hasLintErrors = (issues: readonly LintIssue[]): boolean => issues.some((i) => i.level === "error");

const FIELD_NAMES: Readonly<Record<string, string>> = {
  unit: "预算单位",
  name: "三级指标",
  goal: "项目总体目标",
  "funds.total": "年度预算总额",
  "funds.fiscal": "财政拨款",
  "funds.other": "其他资金",
  indicators: "指标",
  budgetExecutionWeight: "预算执行率分值",
  level1: "一级指标",
  level2: "二级指标",
  targetRaw: "指标值",
  weight: "指标分值权重",
  rule: "指标赋分规则",
};

/** `第3行「培训人数」指标值` — where a finding is, in the words of the form. */
export function lintLocation(issue: LintIssue, sheet: Pick<LintSheet, "indicators">): string {
  if (issue.row === undefined)
    return issue.field === "name" ? "项目名称" : issue.field === "weight" ? "指标分值权重合计" : (FIELD_NAMES[issue.field ?? ""] ?? "");
  const name = sheet.indicators[issue.row]?.name.trim();
  return `第${issue.row + 1}行${name ? `「${name}」` : ""}${issue.field ? (FIELD_NAMES[issue.field] ?? "") : ""}`;
}
