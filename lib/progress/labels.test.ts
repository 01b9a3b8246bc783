import { describe, expect, it } from "vitest";
import { formatTimestamp, monthLabel } from "./labels";
import { formatTimeProgress } from "./progress-view";

describe("labels", () => {
  it("formats months, time progress and timestamps as docs/ux.md asks", () => {
    expect(monthLabel(2025, 7)).toBe("2025年7月");
    expect(formatTimeProgress(7)).toBe("58.33%（7/12）");
    expect(formatTimeProgress(1)).toBe("8.33%（1/12）");
    expect(formatTimeProgress(12)).toBe("100.00%（12/12）");
    expect(formatTimestamp(new Date("2025-07-31T08:05:00Z"))).toBe("2025-07-31 16:05");
  });
});
