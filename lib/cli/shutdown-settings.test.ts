import { describe, expect, it } from "vitest";
import { DEFAULT_SHUTDOWN_GRACE_SECONDS, shutdownGraceMs } from "./shutdown-settings";

describe("PTT_SHUTDOWN_GRACE", () => {
  it("is seconds, 20 when unset, 0 allowed", () => {
    expect(shutdownGraceMs(undefined)).toBe(DEFAULT_SHUTDOWN_GRACE_SECONDS * 1000);
    expect(shutdownGraceMs(" ")).toBe(20_000);
    expect(shutdownGraceMs("2.5")).toBe(2500);
    expect(shutdownGraceMs("0")).toBe(0);
  });
  it("refuses what is not a number of seconds, saying what it got", () => {
    expect(() => shutdownGraceMs("30s")).toThrow("PTT_SHUTDOWN_GRACE 应为 0–3600 之间的秒数，现为「30s」");
    expect(() => shutdownGraceMs("-1")).toThrow(/现为「-1」/);
    expect(() => shutdownGraceMs("7200")).toThrow(/现为「7200」/);
  });
});
