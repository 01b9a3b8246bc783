import { describe, expect, it } from "vitest";
import { projectedSheetScore } from "./projection";
import { d, s2, t } from "@/lib/testing/scoring";

describe("projectedSheetScore", () => {
  it("uses forecasts where entered, else current values", () => {
    const r = projectedSheetScore({
      indicators: [
        { target: t("＞=6场"), weight: d(20), rule: "按照完成比例赋分", current: d(3), forecast: d(6) },
        { target: t("＞=6场"), weight: d(20), rule: "按照完成比例赋分", current: d(3) },
        { target: t("＜=4小时"), weight: d(20), rule: "按照完成比例赋分", current: d(5), forecast: null },
      ],
      budget: { total: d(200), executed: d(100), forecastExecuted: d(190) },
    });
    expect(r.rows.map((x) => s2(x.score))).toEqual(["20.00", "10.00", "15.00"]);
    expect(r.rows[0]?.explanation).toBe("按预计值 6 推算：完成值 6 ≥ 指标值 6，得满分 20.00");
    expect(r.rows[1]?.explanation).toBe("按当前值 3 推算：完成值 3 / 指标值 6 × 20 = 10.00");
    expect(s2(r.budget.max)).toBe("40.00");
    expect(s2(r.budget.score)).toBe("38.00");
    expect(r.budget.explanation.startsWith("按预计全年执行数推算：")).toBe(true);
    expect(s2(r.total)).toBe("83.00");
    expect(r.grade).toBe("良");
    expect(r.complete).toBe(true);
  });

  // 达成 → w, 部分达成 → 0.7w, 未达成 → 0: one point inside each band
  it.each([
    ["达成", "30.00", "按当前值「达成」推算：评判等级「达成年度指标」，评分 30.00（区间 24.00–30.00）"],
    ["部分达成", "21.00", "按当前值「部分达成」推算：评判等级「部分达成年度指标并具有一定效果」，评分 21.00（区间 18.00–24.00）"],
    ["未达成", "0.00", "按当前值「未达成」推算：评判等级「未达成年度指标且效果较差」，评分 0.00（区间 0.00–18.00）"],
  ] as const)("projects a qualitative %s to a score in its band", (status, score, explanation) => {
    const r = projectedSheetScore({
      indicators: [{ target: t("有效促进"), weight: d(30), rule: "按评判等级赋分", current: status }],
      budget: { total: d(100), executed: d(100) },
    });
    expect(s2(r.rows[0]!.score)).toBe(score);
    expect(r.rows[0]!.explanation).toBe(explanation);
  });

  it("prefers a qualitative forecast to the current status", () => {
    const r = projectedSheetScore({
      indicators: [{ target: t("有效促进"), weight: d(10), rule: "按评判等级赋分", current: "未达成", forecast: "达成" }],
      budget: { total: d(100) },
    });
    expect(s2(r.rows[0]!.score)).toBe("10.00");
    expect(r.complete).toBe(false); // the budget is still pending
  });

  it("projects a quantitative graded row with the proportional formula", () => {
    const r = projectedSheetScore({
      indicators: [{ target: t("＞=3.5亿元"), weight: d(30), rule: "按评判等级赋分", current: d(3) }],
      budget: { total: d(100), executed: d(50) },
    });
    expect(s2(r.rows[0]!.score)).toBe("25.71");
  });

  it("leaves rows without any value pending", () => {
    const r = projectedSheetScore({
      indicators: [
        { target: t(">=1"), weight: d(10), rule: "直接赋分" },
        { target: t("有效推动"), weight: d(10), rule: "按评判等级赋分", current: null },
      ],
      budget: { total: d(100), executed: d(100) },
    });
    expect(r.rows.map((x) => x.status)).toEqual(["pending", "pending"]);
    expect(r.rows.map((x) => x.explanation)).toEqual(["待评：缺少实际完成值", "待评：缺少评判等级"]);
    expect(s2(r.total)).toBe("80.00");
    expect(r.complete).toBe(false);
  });

  it("refuses a value of the wrong kind", () => {
    expect(() => projectedSheetScore({ indicators: [{ target: t(">=1"), weight: d(10), current: "达成" }], budget: { total: d(1) } })).toThrow(RangeError);
    expect(() => projectedSheetScore({ indicators: [{ target: t("有效推动"), weight: d(10), current: d(1) }], budget: { total: d(1) } })).toThrow(RangeError);
  });
});
