import { describe, expect, it } from "vitest";
import { fullYearBudget, scoreBudgetExecution } from "./budget";
import { d, s2 } from "@/lib/testing/scoring";
import { resolveBudgetWeight } from "./weights";

describe("scoreBudgetExecution", () => {
  // [total, adjustment, executed, W_b, rate %, score, explanation]
  const cases: Array<[string, string | null, string, string, string, string, string]> = [
    ["200.00", null, "187.50", "10", "93.75", "9.38", "执行率 = 全年执行数 187.50 ÷ 全年预算数 200.00 = 93.75%；得分 = 10 × 187.50 ÷ 200.00 = 9.38"],
    ["200", null, "200", "10", "100.00", "10.00", "执行率 = 全年执行数 200.00 ÷ 全年预算数 200.00 = 100.00% ≥ 100%，得满分 10.00"],
    ["200", null, "250", "10", "125.00", "10.00", "执行率 = 全年执行数 250.00 ÷ 全年预算数 200.00 = 125.00% ≥ 100%，得满分 10.00"],
    ["200", null, "0", "10", "0.00", "0.00", "执行率 = 全年执行数 0.00 ÷ 全年预算数 200.00 = 0.00%；得分 = 10 × 0.00 ÷ 200.00 = 0.00"],
    ["1600", null, "1000", "10", "62.50", "6.25", "执行率 = 全年执行数 1000.00 ÷ 全年预算数 1600.00 = 62.50%；得分 = 10 × 1000.00 ÷ 1600.00 = 6.25"],
    ["36.79", null, "30", "10", "81.54", "8.15", "执行率 = 全年执行数 30.00 ÷ 全年预算数 36.79 = 81.54%；得分 = 10 × 30.00 ÷ 36.79 = 8.15"],
    // in-year adjustment: 全年预算数 = total + adjustment
    ["200", "40", "180", "10", "75.00", "7.50", "执行率 = 全年执行数 180.00 ÷ 全年预算数 240.00 = 75.00%；得分 = 10 × 180.00 ÷ 240.00 = 7.50"],
    ["200", "-40", "160", "10", "100.00", "10.00", "执行率 = 全年执行数 160.00 ÷ 全年预算数 160.00 = 100.00% ≥ 100%，得满分 10.00"],
    // other weights; half-up on the score computed from the exact rate
    ["200", null, "187.5", "20", "93.75", "18.75", "执行率 = 全年执行数 187.50 ÷ 全年预算数 200.00 = 93.75%；得分 = 20 × 187.50 ÷ 200.00 = 18.75"],
    ["300", null, "100", "10", "33.33", "3.33", "执行率 = 全年执行数 100.00 ÷ 全年预算数 300.00 = 33.33%；得分 = 10 × 100.00 ÷ 300.00 = 3.33"],
    ["800", null, "1", "1", "0.13", "0.00", "执行率 = 全年执行数 1.00 ÷ 全年预算数 800.00 = 0.13%；得分 = 1 × 1.00 ÷ 800.00 = 0.00"],
    ["8", null, "1", "0.04", "12.50", "0.01", "执行率 = 全年执行数 1.00 ÷ 全年预算数 8.00 = 12.50%；得分 = 0.04 × 1.00 ÷ 8.00 = 0.01"], // 0.005
  ];
  it.each(cases)("total %s adj %s executed %s W_b %s", (total, adj, executed, w, rate, score, explanation) => {
    const r = scoreBudgetExecution({ total: d(total), adjustment: adj === null ? null : d(adj), executed: d(executed) }, d(w));
    expect(r.status).toBe("scored");
    expect(s2(r.rate)).toBe(rate);
    expect(s2(r.score)).toBe(score);
    expect(r.explanation).toBe(explanation);
    expect(s2(r.max)).toBe(d(w).toFixed(2));
  });

  it("is pending without an executed amount", () => {
    const r = scoreBudgetExecution({ total: d(200) }, d(10));
    expect(r).toMatchObject({ status: "pending", rate: null, score: null, executed: null, explanation: "待评：缺少全年执行数" });
    expect(s2(r.max)).toBe("10.00");
  });

  it("is pending when there is no budget to measure against", () => {
    expect(scoreBudgetExecution({ total: d(0), executed: d(0) }, d(10)).status).toBe("pending");
  });

  it("adds the adjustment to the budget", () => {
    expect(fullYearBudget({ total: d("1600"), adjustment: d("-100.5") }).toFixed()).toBe("1499.5");
    expect(fullYearBudget({ total: d("1600") }).toFixed()).toBe("1600");
  });
});

describe("resolveBudgetWeight", () => {
  const ws = (...xs: string[]) => xs.map(d);
  it.each([
    [ws("20", "10", "20", "20", "20"), null, "10"],
    [ws("10", "5", "5", "5", "10", "15", "40"), null, "10"],
    [ws("50", "50"), null, "0"],
    [ws("45.5", "44.5"), null, "10"],
    [ws("80"), "20", "20"],
    [ws("80"), "10", "10"], // explicit, total 90
    [ws("90"), "0", "0"],
    [[], null, "100"],
  ])("%j explicit %s → %s", (weights, explicit, expected) => {
    const r = resolveBudgetWeight(weights, explicit === null ? null : d(explicit));
    expect(r.ok && r.weight.toFixed()).toBe(expected);
  });

  it.each([
    [ws("60", "50"), null, "指标分值权重合计 110，超过 100"],
    [ws("90"), "15", "指标分值权重合计 90 + 预算执行率权重 15 = 105，超过 100"],
    [ws("90"), "-1", "预算执行率权重 -1 不能为负数"],
  ])("refuses %j explicit %s", (weights, explicit, error) => {
    expect(resolveBudgetWeight(weights, explicit === null ? null : d(explicit))).toEqual({ ok: false, error });
  });
});
