import Decimal from "decimal.js";
import { isQuantitative, type Target } from "./types";

/**
 * Which values an indicator can take (docs/scoring.md §3: a negative actual, e.g. a fallen growth rate,
 * scores 0). Counts (项, 个, 人, 次 …), amounts (万元, 亿元, 元) and rates of completion cannot be below zero;
 * only a change compared with a base — a growth rate — can. Pure: the progress save refuses with it, the
 * lint and the progress row say which rows may go negative.
 */

export interface ValueSubject {
  /** 三级指标. */
  name: string;
  target: Target;
}

// 增长率, 增幅, 同比（增长）, 增速, 变化率/变动率: a change, which may be a fall.
const CHANGE = /增长率|增幅|同比|增速|变化率|变动率/u;

/** A growth rate (by its name or unit) may be negative; nothing else may. */
export const allowsNegative = (indicator: ValueSubject): boolean =>
  isQuantitative(indicator.target) && (CHANGE.test(indicator.name) || CHANGE.test(indicator.target.unit));

/** What the row shows beside a value that may be negative. */
export const NEGATIVE_ALLOWED_HINT = "可为负（增长率）";

const isPercent = (unit: string) => /^[%％]/u.test(unit);

/** Above this a `%` value is almost surely a typo (`950` for `95`); it is saved only when confirmed. */
export const PERCENT_CONFIRM_ABOVE = 1000;
/** A value more than this many times its target is saved only when confirmed (`1200` for `12`). */
export const TARGET_CONFIRM_FACTOR = 10;

export type ValueCheck =
  /** Impossible for this indicator: refused. */
  | { ok: false; confirmable: false; message: string }
  /** Possible but unusual: saved once the user confirms it. */
  | { ok: false; confirmable: true; message: string }
  | { ok: true };

/**
 * A recorded value (实际完成值 or 全年预计完成值, as a canonical decimal string, a `%` row's in percent) checked
 * against what its indicator allows. Qualitative rows have no numeric value and are always fine.
 */
export function checkValue(indicator: ValueSubject, value: string): ValueCheck {
  const { target } = indicator;
  if (!isQuantitative(target)) return { ok: true };
  const v = new Decimal(value);
  const unit = target.unit;
  if (v.isNegative()) {
    if (!allowsNegative(indicator)) {
      return { ok: false, confirmable: false, message: `不能为负数（${unit ? `单位「${unit}」` : "该指标"}不会小于 0；只有增长率类指标可为负）` };
    }
    if (isPercent(unit) && v.lt(-100)) return { ok: false, confirmable: false, message: "增长率不能低于 -100%（减少不会超过全部）" };
  }
  if (isPercent(unit) && v.gt(PERCENT_CONFIRM_ABOVE)) {
    return { ok: false, confirmable: true, message: `${v.toFixed()}% 超过 ${PERCENT_CONFIRM_ABOVE}%，请确认没有多输位数` };
  }
  const goal = new Decimal(target.value);
  if (goal.gt(0) && v.gt(goal.times(TARGET_CONFIRM_FACTOR))) {
    return {
      ok: false,
      confirmable: true,
      message: `${v.toFixed()}${unit} 超过目标值 ${goal.toFixed()}${unit} 的 ${TARGET_CONFIRM_FACTOR} 倍，请确认没有多输位数`,
    };
  }
  return { ok: true };
}
