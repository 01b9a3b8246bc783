import Decimal from "decimal.js";
import { fmtPlain } from "@/lib/scoring/decimal";
import { readNumber } from "./numbers";
import type { LintIssue, LintSheet } from "./types";

const HUNDRED = new Decimal(100);
const USUAL = new Decimal(90);

/**
 * docs/roles.md: indicator weights normally sum to 90, the other 10 points being 预算执行率; a sheet may
 * also carry all 100 points in its rows. An explicit budget-execution weight must make up the 100.
 * Unreadable weights are reported per row and leave the sum alone.
 */
export function lintWeights(sheet: LintSheet): LintIssue[] {
  if (sheet.indicators.length === 0) return [];
  let sum = new Decimal(0);
  for (const indicator of sheet.indicators) {
    const weight = readNumber(indicator.weight);
    if (weight.kind !== "number") return [];
    sum = sum.plus(weight.value);
  }
  const at = { field: "weight", code: "weights.sum" } as const;
  const budget = readNumber(sheet.budgetExecutionWeight ?? null);
  if (budget.kind === "invalid")
    return [{ level: "error", field: "budgetExecutionWeight", code: "weights.sum", message: `预算执行率分值「${budget.text}」不是数字` }];
  if (budget.kind === "number") {
    const all = sum.plus(budget.value);
    if (all.greaterThan(HUNDRED)) {
      return [{ level: "error", ...at, message: `指标分值权重合计 ${fmtPlain(sum)} + 预算执行率 ${fmtPlain(budget.value)} = ${fmtPlain(all)}，超过 100` }];
    }
    if (all.lessThan(HUNDRED)) {
      return [{ level: "warning", ...at, message: `指标分值权重合计 ${fmtPlain(sum)} + 预算执行率 ${fmtPlain(budget.value)} = ${fmtPlain(all)}，不足 100 分` }];
    }
    return [];
  }
  if (sum.greaterThan(HUNDRED)) return [{ level: "error", ...at, message: `指标分值权重合计 ${fmtPlain(sum)}，超过 100` }];
  if (sum.equals(USUAL) || sum.equals(HUNDRED)) return [];
  return [
    {
      level: "warning",
      ...at,
      message: `指标分值权重合计 ${fmtPlain(sum)}，通常应为 90（另 10 分为预算执行率）或 100；按现在的分值，预算执行率占 ${fmtPlain(HUNDRED.minus(sum))} 分`,
    },
  ];
}
