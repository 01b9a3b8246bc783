import { describe, expect, it } from "vitest";
import { understood } from "./understood";

describe("understood", () => {
  it("says what full-width digits and thousands separators were read as", () => {
    expect(understood("１，６００.５", { show: (v) => `${v} 万元` })).toEqual({ ok: true, text: "识别为 1600.5 万元" });
  });
  it("says nothing for plain, empty or unchanged input", () => {
    expect(understood("12")).toBeNull();
    expect(understood("  ")).toBeNull();
    expect(understood("1,600", { stored: "1,600" })).toBeNull();
  });
  it("says why a text is not a number, and reads a percent only where allowed", () => {
    expect(understood("1.2.3")?.ok).toBe(false);
    expect(understood("85%")?.ok).toBe(false);
    expect(understood("85％", { allowPercent: true })).toEqual({ ok: true, text: "识别为 85" });
  });
});
