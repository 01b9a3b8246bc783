import type { MeasureType } from "@/lib/targets/measure-type";
import { isQuantitative, isReverse, type Target } from "@/lib/targets/types";
import { type Decimal, fmtPlain, TWELVE, isAboveZero } from "./decimal";
import type { RowScore, ScoringRule } from "./types";
import { targetValue } from "./target-value";
import { assertMonth, classifyProgress, lightResult, pendingLight, type Light, type LightResult } from "./lights";

/** The current value of a qualitative row, as a lead reports it each month. */
export const QUALITATIVE_STATUSES = ["达成", "部分达成", "未达成"] as const;
export type QualitativeStatus = (typeof QUALITATIVE_STATUSES)[number];

export const isQualitativeStatus = (v: unknown): v is QualitativeStatus => typeof v === "string" && (QUALITATIVE_STATUSES as readonly string[]).includes(v);

const QUALITATIVE_LIGHT: Readonly<Record<QualitativeStatus, Light>> = { 达成: "green", 部分达成: "yellow", 未达成: "red" };

export interface IndicatorLightInput {
  target: Target;
  measureType: MeasureType;
  /** Year-to-date value at month end: a Decimal for quantitative rows, a status for qualitative ones. */
  value: Decimal | QualitativeStatus | null | undefined;
  month: number;
  /** 指标赋分规则: 直接赋分 makes the row all-or-nothing. */
  rule?: ScoringRule | "" | null;
  /**
   * The row's projected year-end score (projection.ts). A row projected to earn nothing of a weight above 0 is
   * never shown green or blue: a light must not say 正常 while the same row's projected score is 0.
   */
  projected?: Pick<RowScore, "score" | "max" | "explanation"> | null;
}

/**
 * An indicator's warning light at month N (docs/monitoring.md), kept consistent with the row's
 * projected score: an all-or-nothing level row is green only when its value earns the points, else red; any row
 * projected to score 0 is at most yellow.
 */
export function indicatorLight(input: IndicatorLightInput): LightResult {
  const light = progressLight(input);
  const p = input.projected;
  if ((light.light === "green" || light.light === "blue") && p && p.score !== null && p.score.isZero() && isAboveZero(p.max)) {
    return lightResult("yellow", `${light.reason}；但预计得分为 0（${p.explanation}），故最高为黄灯`, light.progress);
  }
  return light;
}

function progressLight(input: IndicatorLightInput): LightResult {
  const { target, value, month } = input;
  assertMonth(month);
  if (value === null || value === undefined) return pendingLight("本月尚未填报完成值");

  if (!isQuantitative(target)) {
    if (!isQualitativeStatus(value)) throw new RangeError("定性指标的完成情况应为 达成、部分达成 或 未达成");
    return lightResult(QUALITATIVE_LIGHT[value], `定性指标：当前完成情况「${value}」`);
  }
  if (typeof value === "string") throw new RangeError("定量指标的完成值应为数值");

  const A = value;
  const T = targetValue(target.value);
  const a = fmtPlain(A);
  const t = fmtPlain(T);
  // A maximum (reverse row) is either kept so far or already broken: there is no schedule to be ahead of.
  if (isReverse(target.op)) {
    return A.lte(T) ? lightResult("green", `反向指标：完成值 ${a} ≤ 指标值 ${t}`) : lightResult("red", `反向指标：完成值 ${a} > 指标值 ${t}`);
  }
  if (target.op === "=" && T.isZero()) {
    return A.lte(T) ? lightResult("green", `指标值 =0，完成值 ${a} ≤ 0`) : lightResult("red", `指标值 =0，完成值 ${a} > 0`);
  }
  // A ratio against T ≤ 0 means nothing; such a row is simply met or not yet met.
  if (!isAboveZero(T)) {
    return A.gte(T) ? lightResult("green", `完成值 ${a} ≥ 指标值 ${t}`) : lightResult("red", `完成值 ${a} < 指标值 ${t}`);
  }
  if (input.measureType === "level") {
    const p = A.div(T);
    // 直接赋分 earns the points only when met: a level row is judged as it stands, not by bands around the target.
    if (input.rule === "直接赋分") {
      if (A.lt(T)) return lightResult("red", `直接赋分：完成值 ${a} < 指标值 ${t}，按当前水平不得分`, p);
      const c = classifyProgress(p, true);
      const ahead = c.light === "blue" ? `；${a} ÷ ${t} = ${c.text}` : "";
      return lightResult(c.light, `直接赋分：完成值 ${a} ≥ 指标值 ${t}，按当前水平可得满分${ahead}`, p);
    }
    const c = classifyProgress(p, true);
    return lightResult(c.light, `完成值 ${a} ÷ 指标值 ${t} = ${c.text}`, p);
  }
  const p = A.times(TWELVE).div(T.times(month));
  const c = classifyProgress(p, true);
  return lightResult(c.light, `完成值 ${a} ÷ (指标值 ${t} × ${month}/12) = ${c.text}`, p);
}
