import Decimal from "decimal.js";
import type { MeasureType, MonthStatus } from "@/lib/generated/prisma/enums";
import type { QualitativeStatus } from "@/lib/scoring";
import type { Target } from "@/lib/targets/types";
import type { SignalsSource, SourceIndicator } from "./compute-figures";

/**
 * A sheet's year as the figures read it — every entry of every row, every month's 执行数 and status, every budget
 * adjustment — and the one rule that turns it into what month N is measured from (docs/monitoring.md): each row's
 * latest value up to N, the latest 执行数 up to N, the adjustments in effect at N. The stored figures
 * (figures-source.ts) and 进度填报 (lib/progress/compute-month.ts) both go through `sourceAt`.
 */
export interface SheetHistory {
  fundsTotal: Decimal;
  budgetExecutionWeight: Decimal | null;
  indicators: {
    id: number;
    name: string;
    target: Target;
    measureType: MeasureType;
    weight: Decimal;
    rule: string;
    /** Entries with a value of the row's kind (a number, or a status on a qualitative row), any order. */
    entries: { month: number; value: Decimal | QualitativeStatus; forecast: Decimal | null }[];
  }[];
  months: { month: number; executed: Decimal | null; status: MonthStatus }[];
  adjustments: { month: number; amount: Decimal }[];
}

/** What month N (1–12) of the sheet is measured from. */
export function sourceAt(history: SheetHistory, month: number): SignalsSource {
  const indicators: SourceIndicator[] = history.indicators.map(({ entries, ...indicator }) => {
    let latest: SourceIndicator["latest"] = null;
    for (const e of entries) if (e.month <= month && (latest === null || e.month > latest.month)) latest = e;
    return { ...indicator, latest: latest && { month: latest.month, value: latest.value, forecast: latest.forecast } };
  });
  let executed: SignalsSource["executed"] = null;
  for (const m of history.months) {
    if (m.month <= month && m.executed !== null && (executed === null || m.month > executed.month)) executed = { month: m.month, amount: m.executed };
  }
  return {
    month,
    fundsTotal: history.fundsTotal,
    adjustment: history.adjustments.filter((a) => a.month <= month).reduce((sum, a) => sum.plus(a.amount), new Decimal(0)),
    budgetExecutionWeight: history.budgetExecutionWeight,
    indicators,
    executed,
  };
}

/** Months up to N submitted (still submitted, or approved) and approved, with the latest of each. */
export function workflowAt(history: Pick<SheetHistory, "months">, month: number) {
  const upTo = history.months.filter((m) => m.month <= month);
  const submitted = upTo.filter((m) => m.status === "SUBMITTED" || m.status === "APPROVED").map((m) => m.month);
  const approved = upTo.filter((m) => m.status === "APPROVED").map((m) => m.month);
  return {
    monthsSubmitted: submitted.length,
    monthsApproved: approved.length,
    lastSubmittedMonth: submitted.length > 0 ? Math.max(...submitted) : null,
    lastApprovedMonth: approved.length > 0 ? Math.max(...approved) : null,
  };
}
