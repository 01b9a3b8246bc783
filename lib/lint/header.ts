import Decimal from "decimal.js";
import { readNumber } from "./numbers";
import type { LintIssue, LintSheet } from "./types";

/** 预算单位, 项目名称, 项目总体目标 and the funds of the header block. */
export function lintHeader(sheet: LintSheet): LintIssue[] {
  const issues: LintIssue[] = [];
  const project = sheet.kind !== "department";
  if (!sheet.unit.trim()) issues.push({ level: "error", field: "unit", code: "header.unit", message: "缺少预算单位" });
  if (project && !sheet.name.trim()) issues.push({ level: "error", field: "name", code: "header.name", message: "缺少项目名称" });
  if (project && !sheet.goal?.trim()) issues.push({ level: "warning", field: "goal", code: "header.goal", message: "未填写项目总体目标" });
  if (sheet.funds) issues.push(...lintFunds(sheet.funds));
  return issues;
}

const FUND_LABELS = { total: "年度预算总额", fiscal: "财政拨款", other: "其他资金" } as const;

function lintFunds(funds: NonNullable<LintSheet["funds"]>): LintIssue[] {
  const issues: LintIssue[] = [];
  const values: Partial<Record<keyof typeof FUND_LABELS, Decimal>> = {};
  for (const part of ["total", "fiscal", "other"] as const) {
    const read = readNumber(funds[part]);
    if (read.kind === "invalid") {
      issues.push({ level: "error", field: `funds.${part}`, code: "header.funds", message: `${FUND_LABELS[part]}「${read.text}」不是数字` });
    } else if (read.kind === "number" && read.value.isNegative()) {
      issues.push({ level: "error", field: `funds.${part}`, code: "header.funds", message: `${FUND_LABELS[part]}不能为负数` });
    } else {
      values[part] = read.kind === "number" ? read.value : new Decimal(0);
    }
  }
  const { total, fiscal, other } = values;
  if (total && fiscal && other && !fiscal.plus(other).equals(total)) {
    issues.push({
      level: "error",
      field: "funds.total",
      code: "header.funds",
      message: `年度预算总额 ${total.toFixed(2)} 不等于财政拨款 ${fiscal.toFixed(2)} + 其他资金 ${other.toFixed(2)}`,
    });
  }
  return issues;
}
