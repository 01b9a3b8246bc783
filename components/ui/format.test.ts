import { describe, expect, it } from "vitest";
import { formatAmount, formatPercent } from "./format";

describe("formatAmount", () => {
  it.each([
    ["1600.00", "1,600.00"],
    ["1600", "1,600.00"],
    ["5932.17", "5,932.17"],
    ["0", "0.00"],
    ["0.5", "0.50"],
    ["4.4", "4.40"],
    ["123456789012.34", "123,456,789,012.34"],
    ["999.995", "1,000.00"],
    ["2.344", "2.34"],
    ["-1234.5", "-1,234.50"],
    ["-0.001", "0.00"],
    [" 36.79 ", "36.79"],
  ])("%s → %s", (input, expected) => {
    expect(formatAmount(input)).toBe(expected);
  });

  it("leaves text that is not a number as it is", () => {
    expect(formatAmount("—")).toBe("—");
  });
});

describe("formatPercent", () => {
  it("is the amount with %, or — when there is none", () => {
    expect(formatPercent("87.456")).toBe("87.46%");
    expect(formatPercent(null)).toBe("—");
  });
});
