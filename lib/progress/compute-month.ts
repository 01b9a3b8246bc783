import {
  budgetLight,
  Decimal,
  fullYearBudget,
  indicatorLight,
  isScoringRule,
  type LightResult,
  projectedSheetScore,
  projectionOrError,
  type QualitativeStatus,
  type RowScore,
  type SheetScore,
  sheetLight,
  type Light,
} from "@/lib/scoring";
import { isQuantitative } from "@/lib/targets/types";
import { QUALITATIVE_LABEL } from "./labels";
import { entryKey, type EntryData, type IndicatorData, type SheetData } from "./sheet-data";

/**
 * One sheet-month as lib/scoring sees it: each row's light, the budget light, the sheet's light and the
 * projected score. Nothing here computes a formula; it only feeds the engine what was entered.
 */
export interface RowResult {
  indicator: IndicatorData;
  entry: EntryData | null;
  /** The value the light is computed from: a Decimal, a qualitative status, or null when none was entered. */
  current: Decimal | QualitativeStatus | null;
  light: LightResult;
  /** Not green (red, yellow or blue): 偏差原因 and 改进措施 are required before the month can be submitted. */
  needsExplanation: boolean;
  projected: RowScore | null;
}

export interface MonthResult {
  month: number;
  rows: RowResult[];
  sheetLight: Light | null;
  budget: {
    total: Decimal;
    /** Σ adjustments that took effect in this month or earlier. */
    adjustment: Decimal;
    fullYear: Decimal;
    executed: Decimal | null;
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

/** Σ of the adjustments that took effect by the end of `month`. */
export function adjustmentUpTo(sheet: SheetData, month: number): Decimal {
  return sheet.adjustments.filter((a) => a.month <= month).reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
}

export function computeMonth(sheet: SheetData, month: number): MonthResult {
  const rows = sheet.indicators.map((indicator): RowResult => {
    const entry = sheet.entries.get(entryKey(indicator.id, month)) ?? null;
    const current = currentValue(indicator, entry);
    const light = indicatorLight({
      target: indicator.target,
      measureType: indicator.measureType === "LEVEL" ? "level" : "cumulative",
      value: current,
      month,
    });
    return { indicator, entry, current, light, needsExplanation: light.light !== null && light.light !== "green", projected: null };
  });

  const monthData = sheet.months.get(month);
  const executed = monthData?.executed ?? null;
  const adjustment = adjustmentUpTo(sheet, month);
  const fullYear = fullYearBudget({ total: sheet.fundsTotal, adjustment });

  const { projected, projectionError } = projectionOrError(() =>
    projectedSheetScore({
      indicators: rows.map((r) => ({
        target: r.indicator.target,
        weight: r.indicator.weight,
        rule: isScoringRule(r.indicator.rule) ? r.indicator.rule : "",
        current: r.current,
        // A forecast is a number; qualitative rows have none.
        forecast: isQuantitative(r.indicator.target) ? (r.entry?.forecast ?? null) : null,
      })),
      budget: { total: sheet.fundsTotal, adjustment, executed },
      budgetExecutionWeight: sheet.budgetExecutionWeight,
    }),
  );
  projected?.rows.forEach((score, i) => {
    rows[i]!.projected = score;
  });

  return {
    month,
    rows,
    sheetLight: sheetLight(rows.map((r) => r.light.light)),
    budget: { total: sheet.fundsTotal, adjustment, fullYear, executed, light: budgetLight({ executed, budget: fullYear, month }) },
    projected,
    projectionError,
  };
}

/** Whether anything has been entered for the month (a row value or the spending). */
export function hasAnyEntry(sheet: SheetData, month: number): boolean {
  if (sheet.months.get(month)?.executed != null) return true;
  return sheet.indicators.some((i) => {
    const e = sheet.entries.get(entryKey(i.id, month));
    return e !== undefined && (e.value !== null || e.qualitativeValue !== null);
  });
}
