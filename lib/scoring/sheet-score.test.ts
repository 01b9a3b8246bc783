import { describe, expect, it } from "vitest";
import { gradeOf } from "./grade";
import { scoreSheet } from "./sheet-score";
import { d, s2, t } from "@/lib/testing/scoring";
import type { RowInput } from "./types";

const row = (target: string, weight: string, actual: string | null, rule: RowInput["rule"] = "按照完成比例赋分"): RowInput => ({
  target: t(target),
  weight: d(weight),
  rule,
  actual: actual === null ? null : d(actual),
});

describe("gradeOf", () => {
  it.each([
    ["100", "优"],
    ["90", "优"],
    ["89.99", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["59.99", "差"],
    ["0", "差"],
  ])("%s → %s", (total, grade) => expect(gradeOf(d(total))).toBe(grade));
});

describe("scoreSheet", () => {
  it("sums the rounded parts, not the unrounded ones", () => {
    // Three rows of 20 × 1/3 = 6.666…: the rounded parts sum to 20.01, the exact ones to 20.
    const r = scoreSheet({
      indicators: [row(">=3", "20", "1"), row(">=3", "20", "1"), row(">=3", "20", "1"), row(">=1", "30", "1")],
      budget: { total: d(100), executed: d(100) },
    });
    expect(r.rows.map((x) => s2(x.score))).toEqual(["6.67", "6.67", "6.67", "30.00"]);
    expect(s2(r.budget.score)).toBe("10.00");
    expect(s2(r.total)).toBe("60.01");
    expect(r.grade).toBe("中");
    expect(r.complete).toBe(true);
  });

  it("defaults W_b to 100 − Σ indicator weights", () => {
    const r = scoreSheet({ indicators: [row(">=1", "45", "1"), row(">=1", "40", "1")], budget: { total: d(10), executed: d(10) } });
    expect(s2(r.budget.max)).toBe("15.00");
    expect(s2(r.total)).toBe("100.00");
    expect(r.grade).toBe("优");
  });

  it("uses an explicit W_b", () => {
    const r = scoreSheet({
      indicators: [row(">=1", "80", "1")],
      budget: { total: d(10), executed: d(5) },
      budgetExecutionWeight: d(20),
    });
    expect(s2(r.budget.max)).toBe("20.00");
    expect(s2(r.budget.score)).toBe("10.00");
    expect(s2(r.total)).toBe("90.00");
  });

  it("caps the budget score at W_b when over 100% is spent", () => {
    const r = scoreSheet({ indicators: [row(">=1", "90", "1")], budget: { total: d(100), executed: d(130) } });
    expect(s2(r.budget.rate)).toBe("130.00");
    expect(s2(r.budget.score)).toBe("10.00");
    expect(s2(r.total)).toBe("100.00");
  });

  it("counts pending rows and a pending budget as 0 and marks the result incomplete", () => {
    const r = scoreSheet({ indicators: [row(">=1", "50", "1"), row(">=1", "40", null)], budget: { total: d(100) } });
    expect(r.rows.map((x) => x.status)).toEqual(["scored", "pending"]);
    expect(r.budget.status).toBe("pending");
    expect(s2(r.total)).toBe("50.00");
    expect(r.grade).toBe("差");
    expect(r.complete).toBe(false);
  });

  it("is incomplete when only the budget is pending", () => {
    const r = scoreSheet({ indicators: [row(">=1", "90", "1")], budget: { total: d(100), executed: null } });
    expect(r.complete).toBe(false);
    expect(s2(r.total)).toBe("90.00");
  });

  it.each([
    // grade boundaries reached exactly through the sum of rounded parts
    ["9", "81", "90.00", "优"],
    ["8.99", "81", "89.99", "良"],
    ["0", "80", "80.00", "良"],
    ["0", "79.99", "79.99", "中"],
    ["0", "60", "60.00", "中"],
    ["0", "59.99", "59.99", "差"],
  ])("budget executed %s, row actual %s → total %s %s", (executed, actual, total, grade) => {
    const r = scoreSheet({
      indicators: [row(">=90", "90", actual)],
      budget: { total: d(10), executed: d(executed) },
    });
    expect(s2(r.total)).toBe(total);
    expect(r.grade).toBe(grade);
  });

  it("refuses weights over 100", () => {
    expect(() => scoreSheet({ indicators: [row(">=1", "60", "1"), row(">=1", "41", "1")], budget: { total: d(1) } })).toThrow(
      new RangeError("指标分值权重合计 101，超过 100"),
    );
    expect(() => scoreSheet({ indicators: [row(">=1", "90", "1")], budget: { total: d(1) }, budgetExecutionWeight: d("10.01") })).toThrow(
      new RangeError("指标分值权重合计 90 + 预算执行率权重 10.01 = 100.01，超过 100"),
    );
  });
});
