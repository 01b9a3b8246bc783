import type { MeasureType } from "@/lib/targets/measure-type";
import { indicatorLight } from "./indicator-light";
import type { LightResult } from "./lights";
import { projectRow, type ProjectionRow } from "./projection";
import type { RowScore, ScoringOptions } from "./types";

export interface RowSignalInput extends ProjectionRow {
  measureType: MeasureType;
  month: number;
}

/** A row's light and projected score at month N, computed together so that they cannot disagree. */
export interface RowSignal {
  light: LightResult;
  projected: RowScore;
}

/**
 * The one way a page, the figures or an export gets a row's light (docs/monitoring.md): the projection first, then
 * the light that knows it. The light reads the current value; the projection prefers the forecast.
 */
export function rowSignal(input: RowSignalInput, options?: ScoringOptions): RowSignal {
  const projected = projectRow(input, options);
  const light = indicatorLight({
    target: input.target,
    measureType: input.measureType,
    value: input.current,
    month: input.month,
    rule: input.rule,
    projected,
  });
  return { light, projected };
}
