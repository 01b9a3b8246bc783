import { Decimal, fmt2, round2, ZERO } from "./decimal";
import { BANDS, type Band } from "./types";

export interface BandRange {
  min: Decimal;
  max: Decimal;
  /** Only the top band includes its upper bound (`0.8w ≤ s ≤ w`); the others stop below the next band. */
  maxInclusive: boolean;
}

const POINT_SIX = new Decimal("0.6");
const POINT_EIGHT = new Decimal("0.8");

export const isBand = (value: unknown): value is Band => typeof value === "string" && (BANDS as readonly string[]).includes(value);

/** docs/scoring.md band table. */
export function bandRange(band: Band, weight: Decimal): BandRange {
  switch (band) {
    case "达成年度指标":
      return { min: weight.times(POINT_EIGHT), max: weight, maxInclusive: true };
    case "部分达成年度指标并具有一定效果":
      return { min: weight.times(POINT_SIX), max: weight.times(POINT_EIGHT), maxInclusive: false };
    case "未达成年度指标且效果较差":
      return { min: ZERO, max: weight.times(POINT_SIX), maxInclusive: false };
  }
}

export const inBandRange = (score: Decimal, r: BandRange): boolean => score.gte(r.min) && (r.maxInclusive ? score.lte(r.max) : score.lt(r.max));

/** `18.00–24.00`, as shown next to a graded score. */
export const formatBandRange = (r: BandRange): string => `${fmt2(r.min)}–${fmt2(r.max)}`;

/** `18.00 ≤ 评分 < 24.00`: spells out which end is open, for error messages. */
export const describeBandRange = (r: BandRange): string => `${fmt2(r.min)} ≤ 评分 ${r.maxInclusive ? "≤" : "<"} ${fmt2(r.max)}`;

export type GradeCheck = { ok: true; score: Decimal } | { ok: false; error: string };

/**
 * The check forms and the server run before storing a grade. The score is rounded first because the rounded
 * value is what gets scored: 23.999 on a weight of 30 would show as 24.00, outside 部分达成 (< 24.00).
 */
export function validateGrade(grading: { band: string; score: Decimal }, weight: Decimal): GradeCheck {
  if (!isBand(grading.band)) {
    return { ok: false, error: `未知的评判等级「${grading.band}」，应为 ${BANDS.join("、")} 之一` };
  }
  const score = round2(grading.score);
  const range = bandRange(grading.band, weight);
  if (!inBandRange(score, range)) {
    return {
      ok: false,
      error: `评分 ${fmt2(score)} 不在「${grading.band}」的区间内（${describeBandRange(range)}）`,
    };
  }
  return { ok: true, score };
}

/** The band a score falls in, so a form can preselect or cross-check it. */
export function bandForScore(score: Decimal, weight: Decimal): Band | null {
  for (const band of BANDS) if (inBandRange(score, bandRange(band, weight))) return band;
  return null;
}
