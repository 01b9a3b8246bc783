import type { ScorecardRow } from "./get-scorecard";
import { LIGHT_SHORT } from "@/lib/figures/labels";
import type { LightCounts } from "./get-scorecard";

/** How the scorecard words a cell, the same on the page and in the .xlsx export. */

export const monthsText = (last: number | null, count: number, none: string): string => (last === null ? none : `${last}月（共${count}个月）`);

export const submittedText = (row: Pick<ScorecardRow, "lastSubmittedMonth" | "monthsSubmitted">): string =>
  monthsText(row.lastSubmittedMonth, row.monthsSubmitted, "未提交");

export const approvedText = (row: Pick<ScorecardRow, "lastApprovedMonth" | "monthsApproved">): string =>
  monthsText(row.lastApprovedMonth, row.monthsApproved, "未通过");

/** `6.46（差，未完整）`: the projection is incomplete while a row or the budget has nothing entered. */
export const projectedText = (row: Pick<ScorecardRow, "projected" | "projectionError">): string =>
  row.projected ? `${row.projected.score}（${row.projected.grade}${row.projected.complete ? "" : "，未完整"}）` : row.projectionError ? "无法评分" : "—";

export const finalText = (row: Pick<ScorecardRow, "final">): string => (row.final ? `${row.final.score}（${row.final.grade}）` : "未定稿");

/** `红灯 2 · 黄灯 1 · 绿灯 3 · 待填报 1` (zero counts left out). */
export function lightCountsText(lights: LightCounts): string {
  const parts = (["red", "yellow", "blue", "green"] as const).filter((l) => lights[l] > 0).map((l) => `${LIGHT_SHORT[l]} ${lights[l]}`);
  if (lights.none > 0) parts.push(`待填报 ${lights.none}`);
  return parts.length > 0 ? parts.join(" · ") : "—";
}
