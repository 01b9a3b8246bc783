import type { Decimal, LightResult, QualitativeStatus, RowScore, SheetScore } from "@/lib/scoring";
import { computeSignals } from "@/lib/figures/compute-figures";
import { type SheetHistory, sourceAt } from "@/lib/figures/sheet-history";
import { isQuantitative } from "@/lib/targets/types";
import { QUALITATIVE_LABEL } from "./labels";
import { entryKey, type EntryData, type IndicatorData, type SheetData } from "./sheet-data";

/**
 * One sheet-month as 进度填报 shows it: the month's own entries (what the lead edits and submits) beside the lights
 * and the projection at that month, computed by lib/figures computeSignals — the rule the scorecard and 运行监控
 * use, from the same inputs (each row's latest value up to the month), so the same sheet and month show the same
 * light on every page.
 */
export interface RowResult {
  indicator: IndicatorData;
  /** This month's saved record, if any. */
  entry: EntryData | null;
  /** This month's own value: a Decimal, a qualitative status, or null when none was entered for the month. */
  current: Decimal | QualitativeStatus | null;
  /** The row's light at the month (from its latest value up to the month). */
  light: LightResult;
  /** Not green (red, yellow or blue): 偏差原因 and 改进措施 are required before the month can be submitted. */
  needsExplanation: boolean;
  projected: RowScore;
}

export interface MonthResult {
  month: number;
  rows: RowResult[];
  /** The worst row's light, with the row(s) that decide it; 待填报 while no row has a value up to the month. */
  sheetLight: LightResult;
  budget: {
    total: Decimal;
    /** Σ adjustments that took effect in this month or earlier. */
    adjustment: Decimal;
    fullYear: Decimal;
    /** This month's own 执行数. */
    executed: Decimal | null;
    /** From the latest 执行数 up to the month. */
    light: LightResult;
  };
  /** null when the sheet's weights cannot be scored (over 100), with the reason in `projectionError`. */
  projected: SheetScore | null;
  projectionError: string | null;
}

/** The value a row reports for the month: a Decimal for quantitative rows, a status for qualitative ones. */
export function currentValue(indicator: IndicatorData, entry: EntryData | null | undefined): Decimal | QualitativeStatus | null {
  if (!entry) return null;
  if (isQuantitative(indicator.target)) return entry.value;
  return entry.qualitativeValue ? QUALITATIVE_LABEL[entry.qualitativeValue] : null;
}

// A page or a save shows up to 13 months of one sheet (the month, its warnings, the month strip): each month is
// computed once per SheetData, from a history built once. SheetData is never changed in place (withWritten copies).
const results = new WeakMap<SheetData, Map<number, MonthResult>>();
const histories = new WeakMap<SheetData, SheetHistory>();

export function computeMonth(sheet: SheetData, month: number): MonthResult {
  let byMonth = results.get(sheet);
  if (!byMonth) {
    byMonth = new Map();
    results.set(sheet, byMonth);
  }
  let result = byMonth.get(month);
  if (!result) {
    result = monthOf(sheet, month);
    byMonth.set(month, result);
  }
  return result;
}

function monthOf(sheet: SheetData, month: number): MonthResult {
  const source = sourceAt(historyOf(sheet), month);
  const signals = computeSignals(source);
  const rows = sheet.indicators.map((indicator, i): RowResult => {
    const entry = sheet.entries.get(entryKey(indicator.id, month)) ?? null;
    const { light, projected } = signals.rows[i]!;
    return { indicator, entry, current: currentValue(indicator, entry), light, needsExplanation: light.light !== null && light.light !== "green", projected };
  });
  return {
    month,
    rows,
    sheetLight: signals.light,
    budget: {
      total: sheet.fundsTotal,
      adjustment: source.adjustment,
      fullYear: signals.budget,
      executed: sheet.months.get(month)?.executed ?? null,
      light: signals.budgetLight,
    },
    projected: signals.projected,
    projectionError: signals.projectionError,
  };
}

/** The sheet's year as the figures read it (lib/figures/sheet-history.ts). */
function historyOf(sheet: SheetData): SheetHistory {
  const cached = histories.get(sheet);
  if (cached) return cached;
  const byIndicator = new Map<number, EntryData[]>();
  for (const entry of sheet.entries.values()) {
    const list = byIndicator.get(entry.indicatorId);
    if (list) list.push(entry);
    else byIndicator.set(entry.indicatorId, [entry]);
  }
  const history: SheetHistory = {
    fundsTotal: sheet.fundsTotal,
    budgetExecutionWeight: sheet.budgetExecutionWeight,
    indicators: sheet.indicators.map((indicator) => ({
      id: indicator.id,
      name: indicator.name,
      target: indicator.target,
      measureType: indicator.measureType,
      weight: indicator.weight,
      rule: indicator.rule,
      entries: (byIndicator.get(indicator.id) ?? []).flatMap((entry) => {
        const value = currentValue(indicator, entry);
        return value === null ? [] : [{ month: entry.month, value, forecast: entry.forecast }];
      }),
    })),
    months: [...sheet.months.values()].map((m) => ({ month: m.month, executed: m.executed, status: m.status })),
    adjustments: sheet.adjustments.map((a) => ({ month: a.month, amount: a.amount })),
  };
  histories.set(sheet, history);
  return history;
}

/** Whether anything has been entered for the month (a row value or the spending). */
export function hasAnyEntry(sheet: SheetData, month: number): boolean {
  if (sheet.months.get(month)?.executed != null) return true;
  return sheet.indicators.some((i) => {
    const e = sheet.entries.get(entryKey(i.id, month));
    return e !== undefined && (e.value !== null || e.qualitativeValue !== null);
  });
}
