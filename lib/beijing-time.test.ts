import { describe, expect, it } from "vitest";
import { formatDate, formatTimestamp } from "./beijing-time";

describe("formatTimestamp", () => {
  it.each([
    ["2025-07-31T08:05:00.000Z", "2025-07-31 16:05"],
    ["2025-07-31T16:30:59.999Z", "2025-08-01 00:30"],
    ["2025-01-01T00:00:00Z", "2025-01-01 08:00"],
  ])("%s → %s", (iso, expected) => {
    expect(formatTimestamp(new Date(iso))).toBe(expected);
  });
});

describe("formatDate", () => {
  it("is the Beijing date", () => {
    expect(formatDate(new Date("2025-07-31T16:30:00Z"))).toBe("2025-08-01");
  });
});
