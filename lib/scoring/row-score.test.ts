import { describe, expect, it } from "vitest";
import { scoreRow } from "./row-score";
import { d, s2, t } from "@/lib/testing/scoring";
import type { Band, RowInput, ScoringRule } from "./types";

type Rule = ScoringRule | "" | null;
const P: Rule = "按照完成比例赋分";

function run(target: string, weight: string, rule: Rule, actual: string | null, extra: Partial<RowInput> = {}) {
  return scoreRow({ target: t(target), weight: d(weight), rule, actual: actual === null ? null : d(actual), ...extra });
}

describe("formula rows", () => {
  // [target, weight, rule, actual, score, met, explanation]
  const cases: Array<[string, string, Rule, string, string, boolean, string]> = [
    // positive, proportional: w × min(A/T, 1)
    ["＞=6场", "20", P, "5", "16.67", false, "完成值 5 / 指标值 6 × 20 = 16.67"],
    ["＞=6场", "20", P, "6", "20.00", true, "完成值 6 ≥ 指标值 6，得满分 20.00"],
    ["＞=6场", "20", P, "7", "20.00", true, "完成值 7 ≥ 指标值 6，得满分 20.00"],
    ["＞=6场", "20", P, "0", "0.00", false, "完成值 0 ≤ 0，得 0.00"],
    ["＞=6%", "20", P, "-2", "0.00", false, "完成值 -2 ≤ 0，得 0.00"],
    ["＞=3.5亿元", "30", P, "3", "25.71", false, "完成值 3 / 指标值 3.5 × 30 = 25.71"],
    ["＞=9项", "20", "", "6", "13.33", false, "完成值 6 / 指标值 9 × 20 = 13.33"],
    ["＞=9项", "20", null, "6", "13.33", false, "完成值 6 / 指标值 9 × 20 = 13.33"],
    // strict > is scored like >=
    ["＞6", "20", P, "6", "20.00", true, "完成值 6 ≥ 指标值 6，得满分 20.00"],
    ["＞6", "20", P, "5", "16.67", false, "完成值 5 / 指标值 6 × 20 = 16.67"],
    // = with T > 0 is positive; going over is not penalised
    ["=100%", "20", P, "100", "20.00", true, "完成值 100 ≥ 指标值 100，得满分 20.00"],
    ["=100%", "20", P, "120", "20.00", true, "完成值 120 ≥ 指标值 100，得满分 20.00"],
    ["=100%", "20", P, "99", "19.80", false, "完成值 99 / 指标值 100 × 20 = 19.80"],
    // positive with T = 0: w when met (A ≥ 0), else 0
    [">=0", "20", P, "0", "20.00", true, "完成值 0 ≥ 指标值 0，得满分 20.00"],
    [">=0", "20", P, "5", "20.00", true, "完成值 5 ≥ 指标值 0，得满分 20.00"],
    [">=0", "20", P, "-1", "0.00", false, "完成值 -1 < 指标值 0，得 0.00"],
    [">0", "20", P, "0", "20.00", true, "完成值 0 ≥ 指标值 0，得满分 20.00"],
    // positive with T < 0 (a decline no worse than 2%): all or nothing
    [">=-2%", "20", P, "-1", "20.00", true, "完成值 -1 ≥ 指标值 -2，得满分 20.00"],
    [">=-2%", "20", P, "-3", "0.00", false, "完成值 -3 < 指标值 -2，得 0.00"],
    // = with T = 0: w when A ≤ 0
    ["=0起", "20", P, "0", "20.00", true, "指标值 =0，完成值 0 ≤ 0，得满分 20.00"],
    ["=0起", "20", P, "-1", "20.00", true, "指标值 =0，完成值 -1 ≤ 0，得满分 20.00"],
    ["=0起", "20", P, "1", "0.00", false, "指标值 =0，完成值 1 > 0，得 0.00"],
    // reverse: w when A ≤ T; w × (1 − (A−T)/T) when T < A < 2T; 0 when A ≥ 2T
    ["＜=4小时", "20", P, "3", "20.00", true, "反向指标：完成值 3 ≤ 指标值 4，得满分 20.00"],
    ["＜=4小时", "20", P, "4", "20.00", true, "反向指标：完成值 4 ≤ 指标值 4，得满分 20.00"],
    ["＜=4小时", "20", P, "5", "15.00", false, "反向指标：完成值 5 > 指标值 4，20 × (1 − (5 − 4) / 4) = 15.00"],
    ["＜=4小时", "15", P, "5", "11.25", false, "反向指标：完成值 5 > 指标值 4，15 × (1 − (5 − 4) / 4) = 11.25"],
    ["＜=4小时", "20", P, "7", "5.00", false, "反向指标：完成值 7 > 指标值 4，20 × (1 − (7 − 4) / 4) = 5.00"],
    ["＜=4小时", "20", P, "7.99", "0.05", false, "反向指标：完成值 7.99 > 指标值 4，20 × (1 − (7.99 − 4) / 4) = 0.05"],
    ["＜=4小时", "20", P, "8", "0.00", false, "反向指标：完成值 8 ≥ 2 × 指标值 4，得 0.00"],
    ["＜=4小时", "20", P, "9", "0.00", false, "反向指标：完成值 9 ≥ 2 × 指标值 4，得 0.00"],
    ["＜=4小时", "20", P, "-1", "20.00", true, "反向指标：完成值 -1 ≤ 指标值 4，得满分 20.00"],
    ["＜=5%", "10", P, "5.5", "9.00", false, "反向指标：完成值 5.5 > 指标值 5，10 × (1 − (5.5 − 5) / 5) = 9.00"],
    ["＜=3", "10", P, "4", "6.67", false, "反向指标：完成值 4 > 指标值 3，10 × (1 − (4 − 3) / 3) = 6.67"],
    // strict < is scored like <=
    ["＜4", "20", P, "4", "20.00", true, "反向指标：完成值 4 ≤ 指标值 4，得满分 20.00"],
    ["＜4", "20", P, "5", "15.00", false, "反向指标：完成值 5 > 指标值 4，20 × (1 − (5 − 4) / 4) = 15.00"],
    // reverse with T = 0: w when A ≤ 0, else 0
    ["<=0", "20", P, "0", "20.00", true, "反向指标：完成值 0 ≤ 指标值 0，得满分 20.00"],
    ["<=0", "20", P, "-1", "20.00", true, "反向指标：完成值 -1 ≤ 指标值 0，得满分 20.00"],
    ["<=0", "20", P, "0.01", "0.00", false, "反向指标：完成值 0.01 > 指标值 0，得 0.00"],
    // 直接赋分: w when met, else 0
    ["=100%", "15", "直接赋分", "100", "15.00", true, "直接赋分：完成值 100 ≥ 指标值 100，达成，得满分 15.00"],
    ["=100%", "15", "直接赋分", "99.99", "0.00", false, "直接赋分：完成值 99.99 < 指标值 100，未达成，得 0.00"],
    ["＞=3项", "15", "直接赋分", "3.5", "15.00", true, "直接赋分：完成值 3.5 ≥ 指标值 3，达成，得满分 15.00"],
    ["＞=3项", "15", "直接赋分", "2", "0.00", false, "直接赋分：完成值 2 < 指标值 3，未达成，得 0.00"],
    ["＜=5%", "10", "直接赋分", "5", "10.00", true, "直接赋分（反向指标）：完成值 5 ≤ 指标值 5，达成，得满分 10.00"],
    ["＜=5%", "10", "直接赋分", "5.01", "0.00", false, "直接赋分（反向指标）：完成值 5.01 > 指标值 5，未达成，得 0.00"],
    ["=0", "10", "直接赋分", "0", "10.00", true, "直接赋分：指标值 =0，完成值 0 ≤ 0，达成，得满分 10.00"],
    ["=0", "10", "直接赋分", "1", "0.00", false, "直接赋分：指标值 =0，完成值 1 > 0，未达成，得 0.00"],
    // 满意度赋分: as proportional, A = the measured rate in %
    ["＞=90%", "10", "满意度赋分", "86", "9.56", false, "满意度 86 / 指标值 90 × 10 = 9.56"],
    ["＞=90%", "10", "满意度赋分", "95", "10.00", true, "满意度 95 ≥ 指标值 90，得满分 10.00"],
    ["＞=90%", "10", "满意度赋分", "0", "0.00", false, "满意度 0 ≤ 0，得 0.00"],
    // rounding: half-up at exactly .005, with values where binary floats round the wrong way
    [">=8", "1", P, "1", "0.13", false, "完成值 1 / 指标值 8 × 1 = 0.13"], // 0.125
    [">=200", "1", P, "1", "0.01", false, "完成值 1 / 指标值 200 × 1 = 0.01"], // 0.005
    [">=100", "15", P, "6.7", "1.01", false, "完成值 6.7 / 指标值 100 × 15 = 1.01"], // 1.005; float gives 1.00
    [">=100", "10", P, "10.05", "1.01", false, "完成值 10.05 / 指标值 100 × 10 = 1.01"], // 1.005; float gives 1.00
    [">=1000", "1", P, "4.999", "0.00", false, "完成值 4.999 / 指标值 1000 × 1 = 0.00"], // 0.004999
    [">=3", "20", P, "1", "6.67", false, "完成值 1 / 指标值 3 × 20 = 6.67"],
    [">=3", "20", P, "2", "13.33", false, "完成值 2 / 指标值 3 × 20 = 13.33"],
    ["<=8", "1", P, "15", "0.13", false, "反向指标：完成值 15 > 指标值 8，1 × (1 − (15 − 8) / 8) = 0.13"], // 0.125
  ];

  it.each(cases)("%s w=%s %s A=%s → %s", (target, w, rule, actual, score, met, explanation) => {
    const r = run(target, w, rule, actual);
    expect(r.status).toBe("scored");
    expect(s2(r.score)).toBe(score);
    expect(s2(r.baseScore)).toBe(score);
    expect(r.met).toBe(met);
    expect(r.explanation).toBe(explanation);
    expect(s2(r.max)).toBe(d(w).toFixed(2));
    expect(r.deduction).toBeNull();
    expect(r.needsDeviationReason).toBe(d(score).lt(d(w)));
  });

  it("names the method from the rule", () => {
    expect(run(">=1", "10", P, "1").method).toBe("proportional");
    expect(run(">=1", "10", "", "1").method).toBe("proportional");
    expect(run(">=1", "10", null, "1").method).toBe("proportional");
    expect(run(">=1", "10", "直接赋分", "1").method).toBe("direct");
    expect(run(">=1", "10", "满意度赋分", "1").method).toBe("satisfaction");
    expect(run(">=1", "10", "按评判等级赋分", "1").method).toBe("graded");
    expect(run("有效推动", "10", P, null).method).toBe("graded");
  });

  it("keeps more than 20 significant digits exact enough for 2-decimal rounding", () => {
    expect(s2(run(">=123456789012.345", "12.5", P, "98765432109.876").score)).toBe("10.00");
  });
});

describe("graded rows", () => {
  const grade = (band: Band, score: string) => ({ grading: { band, score: d(score) } });

  // [target, weight, rule, band, score]; band edges 0.8w and 0.6w exactly
  const ok: Array<[string, string, Rule, Band, string]> = [
    ["有效推动", "40", P, "达成年度指标", "40"],
    ["有效推动", "40", P, "达成年度指标", "32"],
    ["有效推动", "40", "按评判等级赋分", "部分达成年度指标并具有一定效果", "31.99"],
    ["有效推动", "40", "按评判等级赋分", "部分达成年度指标并具有一定效果", "24"],
    ["有效推动", "40", "", "未达成年度指标且效果较差", "23.99"],
    ["有效推动", "40", null, "未达成年度指标且效果较差", "0"],
    ["＞=3.5亿元", "30", "按评判等级赋分", "达成年度指标", "24"],
  ];
  it.each(ok)("%s w=%s %s %s %s", (target, w, rule, band, score) => {
    const r = run(target, w, rule, null, grade(band, score));
    expect(r.status).toBe("scored");
    expect(r.method).toBe("graded");
    expect(r.met).toBeNull();
    expect(s2(r.score)).toBe(d(score).toFixed(2));
  });

  it("explains the band, the score and the band's range", () => {
    const r = run("有效促进", "30", "按评判等级赋分", null, grade("部分达成年度指标并具有一定效果", "21.00"));
    expect(r.explanation).toBe("评判等级「部分达成年度指标并具有一定效果」，评分 21.00（区间 18.00–24.00）");
    expect(r.needsDeviationReason).toBe(true);
  });

  it("shows the completion ratio on a quantitative graded row without using it", () => {
    const r = run("＞=3.5亿元", "30", "按评判等级赋分", "3", grade("达成年度指标", "24"));
    expect(s2(r.score)).toBe("24.00");
    expect(r.explanation).toBe("评判等级「达成年度指标」，评分 24.00（区间 24.00–30.00）；完成值 3 / 指标值 3.5 = 85.71%");
  });

  const outside: Array<[Band, string, string]> = [
    ["达成年度指标", "31.99", "评分 31.99 不在「达成年度指标」的区间内（32.00 ≤ 评分 ≤ 40.00）"],
    ["达成年度指标", "40.01", "评分 40.01 不在「达成年度指标」的区间内（32.00 ≤ 评分 ≤ 40.00）"],
    ["部分达成年度指标并具有一定效果", "32", "评分 32.00 不在「部分达成年度指标并具有一定效果」的区间内（24.00 ≤ 评分 < 32.00）"],
    ["部分达成年度指标并具有一定效果", "31.995", "评分 32.00 不在「部分达成年度指标并具有一定效果」的区间内（24.00 ≤ 评分 < 32.00）"],
    ["部分达成年度指标并具有一定效果", "23.99", "评分 23.99 不在「部分达成年度指标并具有一定效果」的区间内（24.00 ≤ 评分 < 32.00）"],
    ["未达成年度指标且效果较差", "24", "评分 24.00 不在「未达成年度指标且效果较差」的区间内（0.00 ≤ 评分 < 24.00）"],
    ["未达成年度指标且效果较差", "-1", "评分 -1.00 不在「未达成年度指标且效果较差」的区间内（0.00 ≤ 评分 < 24.00）"],
  ];
  it.each(outside)("refuses %s %s", (band, score, message) => {
    expect(() => run("有效推动", "40", P, null, grade(band, score))).toThrow(new RangeError(message));
  });

  it("is pending without a grade, even with an actual", () => {
    for (const r of [run("有效推动", "40", P, null), run(">=3", "30", "按评判等级赋分", "3")]) {
      expect(r).toMatchObject({ status: "pending", score: null, baseScore: null, met: null, needsDeviationReason: false });
      expect(r.explanation).toBe("待评：缺少评判等级");
    }
  });
});

describe("pending formula rows", () => {
  it.each([[null], [undefined]])("counts nothing without an actual (%s)", (actual) => {
    const r = scoreRow({ target: t(">=3"), weight: d(10), rule: P, actual });
    expect(r).toMatchObject({ status: "pending", method: "proportional", score: null, met: null });
    expect(s2(r.max)).toBe("10.00");
    expect(r.explanation).toBe("待评：缺少实际完成值");
  });
});

describe("deductions", () => {
  const ded = (points: string, reason = "年初指标值设定明显偏低") => ({ deduction: { points: d(points), reason } });

  it("takes points off an over-achieved row", () => {
    const r = run("＞=6场", "20", P, "12", ded("4"));
    expect(s2(r.baseScore)).toBe("20.00");
    expect(s2(r.deduction)).toBe("4.00");
    expect(s2(r.score)).toBe("16.00");
    expect(r.overAchieved).toBe(true);
    expect(r.needsDeviationReason).toBe(true);
    expect(r.explanation).toBe(
      "完成值 12 ≥ 指标值 6，得满分 20.00；超额完成：完成值 12 / 指标值 6 − 1 = 100.00% > 20%，请核查指标值是否设定偏低" +
        "；扣分 4.00（原因：年初指标值设定明显偏低），最终得分 16.00",
    );
  });

  it.each([
    ["20", "0.00", "max(0, 16.67 − 20.00) = 0.00"],
    ["16.67", "0.00", "max(0, 16.67 − 16.67) = 0.00"],
    ["16.66", "0.01", "0.01"],
    ["0", "16.67", "16.67"],
  ])("never goes below 0 (deduction %s)", (points, score, tail) => {
    const r = run("＞=6场", "20", P, "5", ded(points));
    expect(s2(r.score)).toBe(score);
    expect(r.explanation.endsWith(`最终得分 ${tail}`)).toBe(true);
  });

  it("applies to graded rows", () => {
    const r = run("有效推动", "30", "按评判等级赋分", null, {
      grading: { band: "部分达成年度指标并具有一定效果", score: d("21") },
      ...ded("1.5", "佐证资料不全"),
    });
    expect(s2(r.score)).toBe("19.50");
    expect(r.explanation).toBe("评判等级「部分达成年度指标并具有一定效果」，评分 21.00（区间 18.00–24.00）；扣分 1.50（原因：佐证资料不全），最终得分 19.50");
  });

  it("leaves a pending row pending", () => {
    expect(run("＞=6场", "20", P, null, ded("4")).status).toBe("pending");
  });

  it.each([
    ["4", "  ", "扣分必须填写原因"],
    ["4", "", "扣分必须填写原因"],
    ["-1", "理由", "扣分 -1.00 不能为负数"],
  ])("refuses points %s with reason %j", (points, reason, message) => {
    expect(() => run("＞=6场", "20", P, "5", ded(points, reason))).toThrow(new RangeError(message));
  });
});

describe("over-achievement flag", () => {
  it.each([
    [">=10", "12", undefined, false], // exactly 20% over: not more than the margin
    [">=10", "12.01", undefined, true],
    [">=10", "10", undefined, false],
    [">10", "12.01", undefined, true],
    ["=100%", "121", undefined, true],
    [">=10", "15", "0.5", false],
    [">=10", "15.01", "0.5", true],
    [">=10", "10.01", "0", true],
    ["<=10", "1", undefined, false], // reverse rows are never over-achieved
    [">=0", "5", undefined, false], // T = 0: no ratio
    [">=-2", "5", undefined, false],
  ])("%s A=%s margin=%s → %s", (target, actual, margin, flagged) => {
    const r = scoreRow(
      { target: t(target), weight: d(10), rule: P, actual: d(actual) },
      margin === undefined ? undefined : { overAchievementMargin: d(margin) },
    );
    expect(r.overAchieved).toBe(flagged);
    expect(r.explanation.includes("超额完成")).toBe(flagged);
  });

  it("flags graded quantitative rows and pending rows with an actual too", () => {
    expect(run(">=10", "10", "按评判等级赋分", "13").overAchieved).toBe(true);
    expect(run("有效推动", "10", P, null).overAchieved).toBe(false);
  });
});

it("refuses a negative weight", () => {
  expect(() => run(">=1", "-1", P, "1")).toThrow(RangeError);
});
