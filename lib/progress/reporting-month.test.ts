import { describe, expect, it } from "vitest";
import { formatTimestamp, monthLabel } from "./labels";
import { reportingMonth } from "./reporting-month";
import { formatTimeProgress } from "./progress-view";

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

describe("labels", () => {
  it("formats months, time progress and timestamps as ux.md asks", () => {
    expect(monthLabel(2025, 7)).toBe("2025年7月");
    expect(formatTimeProgress(7)).toBe("58.33%（7/12）");
    expect(formatTimeProgress(1)).toBe("8.33%（1/12）");
    expect(formatTimeProgress(12)).toBe("100.00%（12/12）");
    expect(formatTimestamp(new Date("2025-07-31T08:05:00Z"))).toBe("2025-07-31 16:05");
  });
});
