import { stripWhitespace } from "@/lib/targets";
import { readNumber } from "./numbers";
import type { LintIssue, LintSheet } from "./types";

/** 一级/二级/三级指标 filled, names not repeated, weights numbers. */
export function lintRowFields(sheet: LintSheet): LintIssue[] {
  const issues: LintIssue[] = [];
  const firstByName = new Map<string, number>();
  sheet.indicators.forEach((indicator, row) => {
    if (!indicator.level1?.trim()) issues.push({ level: "error", row, field: "level1", code: "row.level", message: "缺少一级指标" });
    if (!indicator.level2?.trim()) issues.push({ level: "error", row, field: "level2", code: "row.level", message: "缺少二级指标" });
    const name = stripWhitespace(indicator.name);
    if (!name) {
      issues.push({ level: "error", row, field: "name", code: "row.name", message: "缺少三级指标名称" });
    } else {
      const first = firstByName.get(name);
      if (first === undefined) firstByName.set(name, row);
      else issues.push({ level: "warning", row, field: "name", code: "row.duplicate", message: `三级指标「${indicator.name.trim()}」与第${first + 1}行重复` });
    }
    const weight = readNumber(indicator.weight);
    if (weight.kind === "blank") issues.push({ level: "error", row, field: "weight", code: "weight.invalid", message: "缺少指标分值权重" });
    else if (weight.kind === "invalid")
      issues.push({ level: "error", row, field: "weight", code: "weight.invalid", message: `指标分值权重「${weight.text}」不是数字` });
    else if (weight.value.isNegative()) issues.push({ level: "error", row, field: "weight", code: "weight.invalid", message: "指标分值权重不能为负数" });
    else if (weight.value.isZero()) issues.push({ level: "warning", row, field: "weight", code: "weight.zero", message: "指标分值权重为 0，该指标不计分" });
  });
  return issues;
}
