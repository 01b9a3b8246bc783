import { describe, expect, it } from "vitest";
import type { EvaluationRowView, EvaluationView } from "@/lib/evaluation/evaluation-view";
import { EMPTY_ROW } from "@/lib/evaluation/row-checks";
import { parseTarget } from "@/lib/targets";
import { initialValues, liveScore, saveInput } from "./live-score";

function row(indicatorId: number, targetRaw: string, weight: string, rule: string, values: Partial<EvaluationRowView["values"]> = {}): EvaluationRowView {
  const parsed = parseTarget(targetRaw);
  if (!parsed.ok) throw new Error(parsed.error);
  return { indicatorId, name: `指标${indicatorId}`, targetRaw, target: parsed.target, weight, rule, values: { ...EMPTY_ROW, ...values } } as EvaluationRowView;
}

/** Two rows (a count worth 60, a graded row worth 30) and a budget worth 10. */
const view = {
  sheet: { id: 7 },
  mode: "evaluator",
  evaluation: { version: 3 },
  budget: { executed: "80", initial: "100", adjustment: "0", weight: "10" },
  rows: [row(11, "＞=10项", "60", "按照完成比例赋分", { actual: "5" }), row(12, "有效推动", "30", "按评判等级赋分")],
} as unknown as EvaluationView;

describe("the evaluation form's values", () => {
  it("hold every field of every row under its path, and go back to the server as the save input", () => {
    const values = initialValues(view);
    expect(values).toMatchObject({ executed: "80", "rows.11.actual": "5", "rows.12.band": "", "rows.12.deviationReason": "" });
    expect(Object.keys(values)).toHaveLength(1 + 2 * 6);
    const input = saveInput(view, { ...values, "rows.12.band": "达成年度指标", "rows.12.gradeScore": "27" });
    expect(input).toMatchObject({ sheetId: 7, version: 3, executed: "80" });
    expect(input.rows[1]).toEqual({
      indicatorId: 12,
      actual: "",
      band: "达成年度指标",
      gradeScore: "27",
      deductionPoints: "",
      deductionReason: "",
      deviationReason: "",
    });
  });
});

describe("liveScore", () => {
  it("scores what is typed with the engine: full-width digits understood, pending rows counted 0", () => {
    const values = { ...initialValues(view), "rows.11.actual": "８" };
    const live = liveScore(view, values);
    expect(live.problems).toEqual({});
    expect(live.completion).toEqual(["80.00", null]);
    expect(live.score!.rows[0]!.score!.toFixed(2)).toBe("48.00");
    expect(live.score!.rows[1]!.status).toBe("pending");
    expect(live.score!.total.toFixed(2)).toBe("56.00");
  });

  it("marks what the server would refuse at its path: a score outside the band, a deduction without reason, a bad 执行数", () => {
    const values = { ...initialValues(view), "rows.12.band": "达成年度指标", "rows.12.gradeScore": "10", "rows.11.deductionPoints": "2", executed: "一百" };
    const live = liveScore(view, values);
    expect(Object.keys(live.problems).sort()).toEqual(["executed", "rows.11.deductionReason", "rows.12.gradeScore"]);
    expect(live.problems["rows.12.gradeScore"]).toContain("24.00 ≤ 评分 ≤ 30.00");
  });

  it("refuses a lead's deduction: the 自评 has none", () => {
    const live = liveScore({ ...view, mode: "self" } as EvaluationView, {
      ...initialValues(view),
      "rows.11.deductionPoints": "1",
      "rows.11.deductionReason": "偏低",
    });
    expect(live.problems["rows.11.deductionPoints"]).toBe("自评不设扣分，扣分由评价人认定");
  });
});
