import { describe, expect, it } from "vitest";
import { fmt2, fmtPlain, isAboveZero, isBelowZero, round2 } from "./decimal";
import { d } from "@/lib/testing/scoring";

describe("round2 / fmt2", () => {
  // Half-up at exactly .005, including values binary floats hold just below .005 (1.005 → "1.00" in JS).
  it.each([
    ["0.125", "0.13"],
    ["0.005", "0.01"],
    ["0.0049999", "0.00"],
    ["1.005", "1.01"],
    ["8.345", "8.35"],
    ["9.375", "9.38"],
    ["16.6666666", "16.67"],
    ["2", "2.00"],
    ["2.5", "2.50"],
    ["0", "0.00"],
    ["100", "100.00"],
    ["1234567.891", "1234567.89"],
  ])("%s → %s", (v, out) => {
    expect(fmt2(d(v))).toBe(out);
    expect(round2(d(v)).toFixed(2)).toBe(out);
  });

  it("disagrees with binary floating point where it must", () => {
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(fmt2(d("1.005"))).toBe("1.01");
  });

  it("ignores a global Decimal rounding mode", async () => {
    const { default: Decimal } = await import("decimal.js");
    const before = Decimal.rounding;
    Decimal.set({ rounding: Decimal.ROUND_DOWN });
    try {
      expect(fmt2(d("0.125"))).toBe("0.13");
      expect(round2(d("0.125")).toFixed()).toBe("0.13");
    } finally {
      Decimal.set({ rounding: before });
    }
  });
});

it("fmtPlain never uses exponent notation", () => {
  expect(fmtPlain(d("1e21"))).toBe("1000000000000000000000");
  expect(fmtPlain(d("0.0000001"))).toBe("0.0000001");
});

it("treats zero as neither above nor below zero", () => {
  expect([isAboveZero(d(0)), isBelowZero(d(0)), isBelowZero(d("-0")), isAboveZero(d("0.01")), isBelowZero(d("-0.01"))]).toEqual([
    false,
    false,
    false,
    true,
    true,
  ]);
});
