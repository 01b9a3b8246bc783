import { describe, expect, it } from "vitest";
import type { Target } from "@/lib/targets";
import { finalActualOf, type FinalActualSource } from "./final-actual";

const count: Target = { op: ">=", value: "3", unit: "项" };
const rate: Target = { op: ">=", value: "90", unit: "%" };
const bare: Target = { op: "<=", value: "0", unit: "" };
const quality: Target = { qualitative: "有效推动" };
const entry = (month: number, value: string | null, qualitativeValue: FinalActualSource["progress"][number]["qualitativeValue"] = null) => ({
  month,
  value,
  qualitativeValue,
});

describe("finalActualOf", () => {
  it.each<[string, FinalActualSource, string]>([
    ["nothing recorded", { target: count, progress: [] }, "-"],
    ["the latest month's value with the target's unit", { target: count, progress: [entry(6, "2.0000"), entry(12, "4.0000"), entry(9, "3")] }, "4项"],
    ["a rate", { target: rate, progress: [entry(11, "95.5000")] }, "95.5%"],
    ["no unit", { target: bare, progress: [entry(3, "0")] }, "0"],
    ["the latest month that has a value", { target: count, progress: [entry(12, null), entry(9, "7")] }, "7项"],
    ["a qualitative row's status", { target: quality, progress: [entry(5, null, "PARTIAL"), entry(12, null, "ACHIEVED")] }, "达成"],
    ["a qualitative row without status", { target: quality, progress: [entry(12, "3")] }, "-"],
    ["the final evaluation over progress", { target: count, evaluation: { actual: "5.0000", band: null }, progress: [entry(12, "4")] }, "5项"],
    [
      "a graded qualitative row's band",
      { target: quality, evaluation: { actual: null, band: "NOT_ACHIEVED" }, progress: [entry(12, null, "ACHIEVED")] },
      "未达成",
    ],
    ["progress when the evaluation has no actual", { target: count, evaluation: { actual: null, band: "ACHIEVED" }, progress: [entry(12, "4")] }, "4项"],
  ])("%s", (_title, source, expected) => {
    expect(finalActualOf(source)).toBe(expected);
  });
});
