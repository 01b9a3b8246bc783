import { describe, expect, it } from "vitest";
import { reportingMonth } from "./reporting-month";

describe("reportingMonth", () => {
  it.each([
    ["2024-12-31T15:59:59Z", 0], // 2024-12-31 23:59 in Beijing: the 2025 year has not begun
    ["2024-12-31T16:00:00Z", 1], // 2025-01-01 00:00 in Beijing
    ["2025-07-15T04:00:00Z", 7],
    ["2025-07-31T16:30:00Z", 8], // already 1 August in Beijing
    ["2025-12-31T12:00:00Z", 12],
    ["2026-03-01T00:00:00Z", 12], // the year is over: every month is reportable
  ])("at %s → %i", (at, month) => expect(reportingMonth(2025, new Date(at))).toBe(month));
});
