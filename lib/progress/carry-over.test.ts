import { describe, expect, it } from "vitest";
import { carryOverFills, carryOverOf, isCarriedDraft } from "./carry-over";

describe("carryOverOf", () => {
  it("carries a qualitative status and 完成目标可能性, never a quantitative value", () => {
    expect(carryOverOf({ qualitative: true, value: "部分达成", likelihood: "有可能", forecast: null })).toEqual({
      value: "部分达成",
      likelihood: "有可能",
      forecast: null,
    });
    expect(carryOverOf({ qualitative: false, value: "12", likelihood: null, forecast: "30" })).toEqual({ value: null, likelihood: null, forecast: "30" });
    expect(carryOverOf({ qualitative: false, value: "12", likelihood: null, forecast: null })).toBeNull();
    expect(carryOverOf(null)).toBeNull();
  });
});

describe("carryOverFills and isCarriedDraft", () => {
  const rows = [
    { indicatorId: 1, name: "甲", carryOver: { value: null, likelihood: "确定能", forecast: "30" } },
    { indicatorId: 2, name: "乙", carryOver: { value: null, likelihood: "有可能", forecast: null } },
  ];
  it("leaves a row alone once anything is on it, saved or typed", () => {
    const form: Record<string, string> = { "2.improvement": " 加强督导 " };
    const current = (id: number, field: string) => form[`${id}.${field}`] ?? "";
    expect(carryOverFills(5, rows, current)).toEqual({
      fills: [
        { indicatorId: 1, field: "likelihood", value: "确定能" },
        { indicatorId: 1, field: "forecast", value: "30" },
      ],
      reason: null,
    });
  });
  it("tags a row while its carried fields are the previous month's, also after its value is typed", () => {
    const saved = { value: null, likelihood: null, forecast: null };
    const form: Record<string, string> = { "1.likelihood": "确定能", "1.forecast": "30", "1.value": "14" };
    const current = (id: number, field: string) => form[`${id}.${field}`] ?? "";
    expect(isCarriedDraft({ ...rows[0]!, saved }, current)).toBe(true);
    form["1.forecast"] = "28";
    expect(isCarriedDraft({ ...rows[0]!, saved }, current)).toBe(false);
    expect(isCarriedDraft({ ...rows[0]!, saved: { ...saved, likelihood: "确定能" } }, () => "确定能")).toBe(false);
  });
});
