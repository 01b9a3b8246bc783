import { isQuantitative, type Target } from "./types";

/** docs/monitoring.md: counts accumulate over the year; rates are read at their current level. */
export type MeasureType = "cumulative" | "level";

// Percent-like units are levels (a rate is never pro-rated by time progress).
const LEVEL_UNITS = new Set(["%", "％", "‰", "百分比", "百分点", "个百分点"]);

export function defaultMeasureType(target: Target): MeasureType {
  if (!isQuantitative(target)) return "level";
  return LEVEL_UNITS.has(target.unit) || target.unit.startsWith("%") || target.unit.startsWith("％") ? "level" : "cumulative";
}
