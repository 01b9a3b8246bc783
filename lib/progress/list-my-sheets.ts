import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { fmt2 } from "@/lib/scoring";
import { computeMonth, hasAnyEntry } from "./compute-month";
import { MONTH_STATUS_LABEL, monthLabel, NOT_STARTED_LABEL } from "./labels";
import { lightView, type LightView, sheetLightView } from "./progress-view";
import { reportingMonth } from "@/lib/figures/reporting-month";
import { findLeadSheets, type LeadSheet } from "./list-my-todo";
import { loadSheetDataMany } from "./sheet-data";

export interface MySheet {
  id: number;
  name: string;
  unit: string;
  year: number;
  /** The latest month with anything entered, up to the reporting month; else the reporting month; null before the year starts. */
  month: number | null;
  monthLabel: string | null;
  statusLabel: string | null;
  sheetLight: LightView | null;
  budgetLight: LightView | null;
  /** Projected total score (2 decimals) at that month. */
  projectedTotal: string | null;
}

/** 我的项目: the sheets the actor leads, each with its lights at its latest reported month (`sheets`: as for listMyTodo). */
export async function listMySheets(prisma: PrismaClient, actor: Actor, options: { now?: Date; sheets?: LeadSheet[] } = {}): Promise<MySheet[]> {
  const now = options.now ?? new Date();
  const mine = options.sheets ?? (await findLeadSheets(prisma, actor));
  const result: MySheet[] = [];
  for (const sheet of await loadSheetDataMany(
    prisma,
    mine.map((s) => s.id),
  )) {
    const last = reportingMonth(sheet.year, now);
    let month: number | null = null;
    for (let m = last; m >= 1; m--) {
      if (hasAnyEntry(sheet, m)) {
        month = m;
        break;
      }
    }
    if (month === null && last > 0) month = last;
    const computed = month === null ? null : computeMonth(sheet, month);
    const status = month === null ? null : (sheet.months.get(month)?.status ?? "DRAFT");
    result.push({
      id: sheet.id,
      name: sheet.name,
      unit: sheet.unit,
      year: sheet.year,
      month,
      monthLabel: month === null ? null : monthLabel(sheet.year, month),
      statusLabel: status === null ? null : status === "DRAFT" && !hasAnyEntry(sheet, month!) ? NOT_STARTED_LABEL : MONTH_STATUS_LABEL[status],
      sheetLight: computed ? sheetLightView(computed) : null,
      budgetLight: computed ? lightView(computed.budget.light) : null,
      projectedTotal: computed?.projected ? fmt2(computed.projected.total) : null,
    });
  }
  return result;
}
