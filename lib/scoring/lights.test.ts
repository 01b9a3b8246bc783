import { describe, expect, it } from "vitest";
import { budgetLight } from "./budget-light";
import { indicatorLight, type QualitativeStatus } from "./indicator-light";
import { sheetLight, timeProgress, type Light } from "./lights";
import { d, t } from "@/lib/testing/scoring";

describe("timeProgress", () => {
  it.each([
    [1, "0.083333"],
    [6, "0.5"],
    [7, "0.58333"],
    [12, "1"],
  ])("month %i → %s…", (m, p) => expect(timeProgress(m).toFixed().startsWith(p)).toBe(true));

  it.each([0, 13, 1.5, Number.NaN])("refuses month %s", (m) => expect(() => timeProgress(m)).toThrow(RangeError));
});

describe("indicatorLight", () => {
  // [target, measureType, value, month, light, label, reason]
  const cases: Array<[string, "cumulative" | "level", string, number, Light, string, string]> = [
    ["＞=15个", "cumulative", "3", 7, "red", "红灯·进度滞后", "完成值 3 ÷ (指标值 15 × 7/12) = 34.29% < 60%"],
    // cumulative: p = A ÷ (T × N/12); T = 15 at month 6 → 7.5 expected
    ["＞=15个", "cumulative", "4.49", 6, "red", "红灯·进度滞后", "完成值 4.49 ÷ (指标值 15 × 6/12) = 59.87% < 60%"],
    ["＞=15个", "cumulative", "4.5", 6, "yellow", "黄灯·略有滞后", "完成值 4.5 ÷ (指标值 15 × 6/12) = 60.00%，60% ≤ 进度 < 80%"],
    ["＞=15个", "cumulative", "5.99", 6, "yellow", "黄灯·略有滞后", "完成值 5.99 ÷ (指标值 15 × 6/12) = 79.87%，60% ≤ 进度 < 80%"],
    ["＞=15个", "cumulative", "6", 6, "green", "绿灯·正常", "完成值 6 ÷ (指标值 15 × 6/12) = 80.00%，80% ≤ 进度 < 120%"],
    ["＞=15个", "cumulative", "8.99", 6, "green", "绿灯·正常", "完成值 8.99 ÷ (指标值 15 × 6/12) = 119.87%，80% ≤ 进度 < 120%"],
    ["＞=15个", "cumulative", "9", 6, "blue", "蓝灯·超前", "完成值 9 ÷ (指标值 15 × 6/12) = 120.00% ≥ 120%"],
    ["＞=15个", "cumulative", "0", 1, "red", "红灯·进度滞后", "完成值 0 ÷ (指标值 15 × 1/12) = 0.00% < 60%"],
    ["＞=15个", "cumulative", "15", 12, "green", "绿灯·正常", "完成值 15 ÷ (指标值 15 × 12/12) = 100.00%，80% ≤ 进度 < 120%"],
    ["=24期", "cumulative", "14", 7, "green", "绿灯·正常", "完成值 14 ÷ (指标值 24 × 7/12) = 100.00%，80% ≤ 进度 < 120%"],
    // level: p = A ÷ T, not pro-rated, whatever the month
    ["＞=90%", "level", "53.99", 3, "red", "红灯·进度滞后", "完成值 53.99 ÷ 指标值 90 = 59.99% < 60%"],
    ["＞=90%", "level", "54", 3, "yellow", "黄灯·略有滞后", "完成值 54 ÷ 指标值 90 = 60.00%，60% ≤ 进度 < 80%"],
    ["＞=90%", "level", "71.99", 3, "yellow", "黄灯·略有滞后", "完成值 71.99 ÷ 指标值 90 = 79.99%，60% ≤ 进度 < 80%"],
    ["＞=90%", "level", "72", 3, "green", "绿灯·正常", "完成值 72 ÷ 指标值 90 = 80.00%，80% ≤ 进度 < 120%"],
    ["＞=90%", "level", "86", 11, "green", "绿灯·正常", "完成值 86 ÷ 指标值 90 = 95.56%，80% ≤ 进度 < 120%"],
    ["＞=90%", "level", "107.99", 3, "green", "绿灯·正常", "完成值 107.99 ÷ 指标值 90 = 119.99%，80% ≤ 进度 < 120%"],
    ["＞=90%", "level", "108", 3, "blue", "蓝灯·超前", "完成值 108 ÷ 指标值 90 = 120.00% ≥ 120%"],
    // a value just under an edge is never printed as the edge itself
    [">=100000", "level", "59999.5", 1, "red", "红灯·进度滞后", "完成值 59999.5 ÷ 指标值 100000 = 59.99% < 60%"],
    [">=100000", "level", "119999.5", 1, "green", "绿灯·正常", "完成值 119999.5 ÷ 指标值 100000 = 119.99%，80% ≤ 进度 < 120%"],
    // reverse: green when A ≤ T, else red; never pro-rated
    ["＜=5%", "level", "5", 2, "green", "绿灯·正常", "反向指标：完成值 5 ≤ 指标值 5"],
    ["＜=5%", "level", "5.01", 2, "red", "红灯·进度滞后", "反向指标：完成值 5.01 > 指标值 5"],
    ["＜=2小时", "cumulative", "1", 2, "green", "绿灯·正常", "反向指标：完成值 1 ≤ 指标值 2"],
    // T = 0
    ["=0起", "cumulative", "0", 5, "green", "绿灯·正常", "指标值 =0，完成值 0 ≤ 0"],
    ["=0起", "cumulative", "1", 5, "red", "红灯·进度滞后", "指标值 =0，完成值 1 > 0"],
    [">=0", "cumulative", "0", 5, "green", "绿灯·正常", "完成值 0 ≥ 指标值 0"],
    [">=-2%", "level", "-3", 5, "red", "红灯·进度滞后", "完成值 -3 < 指标值 -2"],
  ];
  it.each(cases)("%s %s A=%s month %i → %s", (target, measureType, value, month, light, label, reason) => {
    const r = indicatorLight({ target: t(target), measureType, value: d(value), month });
    expect(r.light).toBe(light);
    expect(r.label).toBe(label);
    expect(r.reason).toBe(reason);
  });

  it.each([
    ["达成", "green", "绿灯·正常"],
    ["部分达成", "yellow", "黄灯·略有滞后"],
    ["未达成", "red", "红灯·进度滞后"],
  ] as Array<[QualitativeStatus, Light, string]>)("qualitative %s → %s", (value, light, label) => {
    const r = indicatorLight({ target: t("有效推动"), measureType: "level", value, month: 6 });
    expect(r).toEqual({ light, label, reason: `定性指标：当前完成情况「${value}」`, progress: null });
  });

  it("has no light before a value is entered", () => {
    expect(indicatorLight({ target: t(">=3"), measureType: "cumulative", value: null, month: 6 })).toEqual({
      light: null,
      label: "待填报",
      reason: "本月尚未填报完成值",
      progress: null,
    });
    expect(indicatorLight({ target: t("有效推动"), measureType: "level", value: undefined, month: 6 }).light).toBeNull();
  });

  it("exposes p as an exact fraction", () => {
    const r = indicatorLight({ target: t(">=15"), measureType: "cumulative", value: d(4.5), month: 6 });
    expect(r.progress?.toFixed()).toBe("0.6");
  });

  it("refuses a value of the wrong kind", () => {
    expect(() => indicatorLight({ target: t("有效推动"), measureType: "level", value: d(1), month: 6 })).toThrow(RangeError);
    expect(() => indicatorLight({ target: t(">=1"), measureType: "level", value: "达成", month: 6 })).toThrow(RangeError);
  });
});

describe("budgetLight", () => {
  // 全年预算数 200 at month 6 → 100 expected
  it.each([
    ["59.99", "red", "执行数 59.99 ÷ (全年预算数 200.00 × 6/12) = 59.99% < 60%"],
    ["60", "yellow", "执行数 60.00 ÷ (全年预算数 200.00 × 6/12) = 60.00%，60% ≤ 进度 < 80%"],
    ["79.99", "yellow", "执行数 79.99 ÷ (全年预算数 200.00 × 6/12) = 79.99%，60% ≤ 进度 < 80%"],
    ["80", "green", "执行数 80.00 ÷ (全年预算数 200.00 × 6/12) = 80.00% ≥ 80%"],
    ["150", "green", "执行数 150.00 ÷ (全年预算数 200.00 × 6/12) = 150.00% ≥ 80%"],
    ["0", "red", "执行数 0.00 ÷ (全年预算数 200.00 × 6/12) = 0.00% < 60%"],
  ])("executed %s → %s", (executed, light, reason) => {
    const r = budgetLight({ executed: d(executed), budget: d(200), month: 6 });
    expect(r.light).toBe(light);
    expect(r.reason).toBe(reason);
  });

  it("pro-rates by month: 7/12 of 1,600", () => {
    const r = budgetLight({ executed: d("746.67"), budget: d(1600), month: 7 });
    expect(r).toMatchObject({ light: "green", label: "绿灯·正常", reason: "执行数 746.67 ÷ (全年预算数 1600.00 × 7/12) = 80.00% ≥ 80%" });
  });

  it("has no light without an executed amount or a budget", () => {
    expect(budgetLight({ executed: null, budget: d(200), month: 6 }).light).toBeNull();
    expect(budgetLight({ executed: d(1), budget: d(0), month: 6 }).light).toBeNull();
  });
});

describe("sheetLight", () => {
  it.each([
    [["green", "green"], "green"],
    [["green", "blue"], "blue"],
    [["blue", "yellow", "green"], "yellow"],
    [["yellow", "red", "blue"], "red"],
    [[null, "green", undefined], "green"],
    [[null], null],
    [[], null],
  ] as Array<[Array<Light | null | undefined>, Light | null]>)("%j → %s", (lights, expected) => {
    expect(sheetLight(lights)).toBe(expected);
  });
});
