import { describe, expect, it } from "vitest";
import type { ProgressRowView, ProgressView } from "@/lib/progress/progress-view";
import { changedRows, progressValues, saveInput, saveProblemPath } from "./progress-values";

const row = (indicatorId: number, qualitative = false, value: string | null = null): ProgressRowView =>
  ({
    indicatorId,
    qualitative,
    entry: {
      id: null,
      value,
      likelihood: null,
      forecast: null,
      deviationReason: "",
      improvement: "",
      version: indicatorId * 10,
      updatedBy: null,
      updatedAt: null,
    },
  }) as unknown as ProgressRowView;

const view = {
  sheet: { id: 3 },
  month: 7,
  monthVersion: 4,
  budget: { executed: "12.50" },
  rows: [row(11, false, "5"), row(12, true), row(13)],
} as unknown as ProgressView;

describe("progress values", () => {
  it("hold every field of the view under its path", () => {
    const values = progressValues(view);
    expect(values["rows.11.value"]).toBe("5");
    expect(values["rows.12.value"]).toBe("");
    expect(values.executed).toBe("12.50");
    expect(values["adjust.amount"]).toBe("");
  });

  it("send each changed row whole, with its version, and 执行数 only when changed", () => {
    const values = { ...progressValues(view), "rows.13.forecast": " 1，600 ", "rows.12.value": "达成", "rows.12.forecast": "ignored" };
    const dirty = ["rows.13.forecast", "rows.12.value"];
    expect(changedRows(view, dirty).map((r) => r.indicatorId)).toEqual([12, 13]);
    const { input, sent, rowIds } = saveInput(view, values, dirty);
    expect(input).toEqual({
      sheetId: 3,
      month: 7,
      rows: [
        { indicatorId: 12, version: 120, value: "达成", likelihood: null, forecast: null, deviationReason: "", improvement: "" },
        { indicatorId: 13, version: 130, value: null, likelihood: null, forecast: "1，600", deviationReason: "", improvement: "" },
      ],
    });
    expect(rowIds).toEqual([12, 13]);
    expect(sent).toContain("rows.13.improvement");
    expect(sent).not.toContain("executed");
    const withExecuted = saveInput(view, { ...values, executed: "" }, [...dirty, "executed"]);
    expect(withExecuted.input.executed).toEqual({ value: null, version: 4 });
    expect(withExecuted.sent).toContain("executed");
  });

  it("put the server's problems at the form's fields", () => {
    const at = saveProblemPath([12, 13]);
    expect(at("rows.1.value")).toBe("rows.13.value");
    expect(at("rows.0")).toBe("rows.12");
    expect(at("rows.5.value")).toBe("");
    expect(at("indicators.11")).toBe("rows.11");
    expect(at("indicators.11.forecast")).toBe("rows.11.forecast");
    expect(at("executed.value")).toBe("executed");
    expect(at("")).toBe("");
  });
});
