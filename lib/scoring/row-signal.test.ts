import { describe, expect, it } from "vitest";
import type { MeasureType } from "@/lib/targets/measure-type";
import { isQuantitative } from "@/lib/targets/types";
import type { QualitativeStatus } from "./indicator-light";
import type { Light } from "./lights";
import { rowSignal } from "./row-signal";
import { d, s2, t } from "@/lib/testing/scoring";
import type { ScoringRule } from "./types";

type Value = string | null;

describe("rowSignal: the light and the projected score of a row agree", () => {
  // [case, target, rule, measure, current, forecast, month, weight, light, projected score, reason]
  const cases: Array<[string, string, ScoringRule, MeasureType, Value, Value, number, string, Light | null, string | null, string]> = [
    // All-or-nothing level rows: green only when the value as it stands earns the points, else red.
    [
      "直接赋分 level, short of target (used to be green 94.44%)",
      "＞=90%",
      "直接赋分",
      "level",
      "85",
      null,
      6,
      "10",
      "red",
      "0.00",
      "直接赋分：完成值 85 < 指标值 90，按当前水平不得分",
    ],
    ["直接赋分 level, at target", "＞=90%", "直接赋分", "level", "90", null, 6, "10", "green", "10.00", "直接赋分：完成值 90 ≥ 指标值 90，按当前水平可得满分"],
    [
      "直接赋分 level, far above target",
      "＞=90%",
      "直接赋分",
      "level",
      "108",
      null,
      6,
      "10",
      "blue",
      "10.00",
      "直接赋分：完成值 108 ≥ 指标值 90，按当前水平可得满分；108 ÷ 90 = 120.00% ≥ 120%",
    ],
    [
      "直接赋分 level, short now but forecast to meet: the light reads the value as it stands",
      "＞=90%",
      "直接赋分",
      "level",
      "85",
      "92",
      6,
      "10",
      "red",
      "10.00",
      "直接赋分：完成值 85 < 指标值 90，按当前水平不得分",
    ],
    [
      "直接赋分 level, met now but forecast to fall short",
      "＞=90%",
      "直接赋分",
      "level",
      "95",
      "80",
      6,
      "10",
      "yellow",
      "0.00",
      "直接赋分：完成值 95 ≥ 指标值 90，按当前水平可得满分；但预计得分为 0（按预计值 80 推算：直接赋分：完成值 80 < 指标值 90，未达成，得 0.00），故最高为黄灯",
    ],
    // All-or-nothing cumulative rows keep the pro-rated bands, but a projected 0 is at most yellow.
    [
      "直接赋分 cumulative, on schedule without a forecast (used to be green with a projected 0)",
      "＞=10项",
      "直接赋分",
      "cumulative",
      "5",
      null,
      6,
      "10",
      "yellow",
      "0.00",
      "完成值 5 ÷ (指标值 10 × 6/12) = 100.00%，80% ≤ 进度 < 120%；但预计得分为 0（按当前值 5 推算：直接赋分：完成值 5 < 指标值 10，未达成，得 0.00），故最高为黄灯",
    ],
    [
      "直接赋分 cumulative, on schedule and forecast to meet",
      "＞=10项",
      "直接赋分",
      "cumulative",
      "5",
      "10",
      6,
      "10",
      "green",
      "10.00",
      "完成值 5 ÷ (指标值 10 × 6/12) = 100.00%，80% ≤ 进度 < 120%",
    ],
    [
      "直接赋分 cumulative, ahead without a forecast",
      "＞=10项",
      "直接赋分",
      "cumulative",
      "8",
      null,
      6,
      "10",
      "yellow",
      "0.00",
      "完成值 8 ÷ (指标值 10 × 6/12) = 160.00% ≥ 120%；但预计得分为 0（按当前值 8 推算：直接赋分：完成值 8 < 指标值 10，未达成，得 0.00），故最高为黄灯",
    ],
    [
      "直接赋分 cumulative, behind stays red",
      "＞=10项",
      "直接赋分",
      "cumulative",
      "2",
      null,
      6,
      "10",
      "red",
      "0.00",
      "完成值 2 ÷ (指标值 10 × 6/12) = 40.00% < 60%",
    ],
    [
      "直接赋分 cumulative, met at year end",
      "＞=10项",
      "直接赋分",
      "cumulative",
      "10",
      null,
      12,
      "10",
      "green",
      "10.00",
      "完成值 10 ÷ (指标值 10 × 12/12) = 100.00%，80% ≤ 进度 < 120%",
    ],
    // An `=` target of 0 is all-or-nothing whatever the rule.
    ["=0 met", "=0起", "按照完成比例赋分", "cumulative", "0", null, 5, "5", "green", "5.00", "指标值 =0，完成值 0 ≤ 0"],
    ["=0 broken", "=0起", "按照完成比例赋分", "cumulative", "1", null, 5, "5", "red", "0.00", "指标值 =0，完成值 1 > 0"],
    [
      "=0 met so far, forecast to break",
      "=0起",
      "按照完成比例赋分",
      "level",
      "0",
      "2",
      5,
      "5",
      "yellow",
      "0.00",
      "指标值 =0，完成值 0 ≤ 0；但预计得分为 0（按预计值 2 推算：指标值 =0，完成值 2 > 0，得 0.00），故最高为黄灯",
    ],
    // Proportional rows: a forecast of nothing cannot stand beside a green light (used to disagree).
    [
      "proportional on schedule, forecast 0",
      "＞=15个",
      "按照完成比例赋分",
      "cumulative",
      "7.5",
      "0",
      6,
      "20",
      "yellow",
      "0.00",
      "完成值 7.5 ÷ (指标值 15 × 6/12) = 100.00%，80% ≤ 进度 < 120%；但预计得分为 0（按预计值 0 推算：完成值 0 ≤ 0，得 0.00），故最高为黄灯",
    ],
    [
      "proportional on schedule, no forecast: partial points",
      "＞=15个",
      "按照完成比例赋分",
      "cumulative",
      "7.5",
      null,
      6,
      "20",
      "green",
      "10.00",
      "完成值 7.5 ÷ (指标值 15 × 6/12) = 100.00%，80% ≤ 进度 < 120%",
    ],
    [
      "reverse kept, forecast at twice the limit",
      "＜=5%",
      "按照完成比例赋分",
      "level",
      "4",
      "10",
      6,
      "10",
      "yellow",
      "0.00",
      "反向指标：完成值 4 ≤ 指标值 5；但预计得分为 0（按预计值 10 推算：反向指标：完成值 10 ≥ 2 × 指标值 5，得 0.00），故最高为黄灯",
    ],
    ["直接赋分 reverse broken", "＜=5%", "直接赋分", "level", "6", null, 6, "10", "red", "0.00", "反向指标：完成值 6 > 指标值 5"],
    // A row of weight 0 earns nothing by construction: its light is not held back.
    ["weight 0", "＞=10项", "直接赋分", "cumulative", "5", null, 6, "0", "green", "0.00", "完成值 5 ÷ (指标值 10 × 6/12) = 100.00%，80% ≤ 进度 < 120%"],
    // Qualitative rows: the status decides both.
    ["qualitative 达成", "有效推动", "按评判等级赋分", "level", "达成", null, 6, "10", "green", "10.00", "定性指标：当前完成情况「达成」"],
    ["qualitative 未达成", "有效推动", "按评判等级赋分", "level", "未达成", null, 6, "10", "red", "0.00", "定性指标：当前完成情况「未达成」"],
    // Nothing entered: no light, a pending projection.
    ["nothing entered", "＞=10项", "直接赋分", "cumulative", null, null, 6, "10", null, null, "本月尚未填报完成值"],
  ];

  it.each(cases)("%s", (_case, target, rule, measureType, current, forecast, month, weight, light, score, reason) => {
    const tg = t(target);
    const value = (v: Value) => (v === null ? null : isQuantitative(tg) ? d(v) : (v as QualitativeStatus));
    const r = rowSignal({ target: tg, rule, measureType, current: value(current), forecast: value(forecast), month, weight: d(weight) });
    expect(r.light.light).toBe(light);
    expect(s2(r.projected.score)).toBe(score);
    expect(r.light.reason).toBe(reason);
  });

  it("never shows green or blue beside a projected 0 (every rule, measure, value, forecast and month)", () => {
    const targets = ["＞=10项", "=24期", "＞=90%", "＜=5%", "=0起", ">=0", "＞=-2%"];
    const rules: ScoringRule[] = ["按照完成比例赋分", "直接赋分", "满意度赋分", "按评判等级赋分"];
    const values = [null, "-3", "0", "1", "4", "5", "8", "10", "12", "24", "85", "90", "120"];
    let checked = 0;
    for (const target of targets)
      for (const rule of rules)
        for (const measureType of ["cumulative", "level"] as const)
          for (const current of values.slice(1))
            for (const forecast of values)
              for (const month of [1, 6, 12]) {
                const r = rowSignal({
                  target: t(target),
                  rule,
                  measureType,
                  current: d(current!),
                  forecast: forecast === null ? null : d(forecast),
                  month,
                  weight: d(10),
                });
                const good = r.light.light === "green" || r.light.light === "blue";
                if (good) expect(r.projected.score?.isZero(), `${target} ${rule} ${measureType} A=${current} F=${forecast} M=${month}`).toBe(false);
                checked++;
              }
    expect(checked).toBeGreaterThan(10_000);
  });
});
