import { Decimal, HUNDRED, TWELVE } from "./decimal";

/** 预警灯 (docs/monitoring.md). Blue = ahead of schedule: not bad, but the target may have been set too low. */
export type Light = "red" | "yellow" | "green" | "blue";

export const LIGHT_LABELS: Readonly<Record<Light, string>> = {
  red: "红灯·进度滞后",
  yellow: "黄灯·略有滞后",
  green: "绿灯·正常",
  blue: "蓝灯·超前",
};

export interface LightResult {
  /** null while nothing has been entered for the month. */
  light: Light | null;
  /** Always shown with the colour, never colour alone (docs/ux.md). */
  label: string;
  /** The computation behind the light, e.g. `完成值 3 ÷ (指标值 15 × 7/12) = 34.29% < 60%`. */
  reason: string;
  /** p as a fraction (0.3429…) where the light comes from a ratio; null for pass/fail lights. */
  progress: Decimal | null;
}

export const PENDING_LIGHT_LABEL = "待填报";

export const lightResult = (light: Light, reason: string, progress: Decimal | null = null): LightResult => ({
  light,
  label: LIGHT_LABELS[light],
  reason,
  progress,
});

export const pendingLight = (reason: string): LightResult => ({ light: null, label: PENDING_LIGHT_LABEL, reason, progress: null });

export function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月份应为 1–12 的整数，收到 ${month}`);
}

/** N/12: the share of the year elapsed at the end of month N. */
export function timeProgress(month: number): Decimal {
  assertMonth(month);
  return new Decimal(month).div(TWELVE);
}

// Bad-to-good order for a sheet's light. Blue ranks just above green: it is not behind schedule, but it is
// still worth a look (a target set too low), so a sheet with a blue row and otherwise green rows shows blue.
const SEVERITY: Readonly<Record<Light, number>> = { red: 3, yellow: 2, blue: 1, green: 0 };

/** A sheet's light is its worst row's light; rows without a light yet are ignored (null when none has one). */
export function sheetLight(lights: Iterable<Light | null | undefined>): Light | null {
  let worst: Light | null = null;
  for (const l of lights) {
    if (l && (worst === null || SEVERITY[l] > SEVERITY[worst])) worst = l;
  }
  return worst;
}

const P60 = new Decimal("0.6");
const P80 = new Decimal("0.8");
const P120 = new Decimal("1.2");

/**
 * Bands on p: red < 60%, yellow 60–80%, green 80–120%, blue ≥ 120% (budget: green from 80% up, no blue).
 * Returns the light and the comparison text that follows `= p%` in the reason.
 */
export function classifyProgress(p: Decimal, withBlue: boolean): { light: Light; text: string } {
  if (p.lt(P60)) return { light: "red", text: `${pct(p, P60)}% < 60%` };
  if (p.lt(P80)) return { light: "yellow", text: `${pct(p, P80)}%，60% ≤ 进度 < 80%` };
  if (!withBlue) return { light: "green", text: `${pct(p, null)}% ≥ 80%` };
  if (p.lt(P120)) return { light: "green", text: `${pct(p, P120)}%，80% ≤ 进度 < 120%` };
  return { light: "blue", text: `${pct(p, null)}% ≥ 120%` };
}

/**
 * p in % with 2 decimals, half-up, except where half-up would print the band's upper edge for a value below it
 * (59.996% → "60.00% < 60%"); there it is cut down instead so the reason never contradicts the light.
 */
function pct(p: Decimal, upper: Decimal | null): string {
  const percent = p.times(HUNDRED);
  const shown = percent.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (upper !== null && shown.gte(upper.times(HUNDRED))) return percent.toFixed(2, Decimal.ROUND_FLOOR);
  return shown.toFixed(2);
}
