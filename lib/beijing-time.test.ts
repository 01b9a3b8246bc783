import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { beijingDayStart, beijingYearMonth, formatDate, formatIsoTimestamp, formatTimestamp, isCalendarDay } from "./beijing-time";

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
    expect(formatDate(new Date("2025-07-31T15:59:59Z"))).toBe("2025-07-31");
  });
});

describe("beijingYearMonth", () => {
  it("turns the year at Beijing midnight", () => {
    expect(beijingYearMonth(new Date("2025-12-31T15:59:59Z"))).toEqual({ year: 2025, month: 12 });
    expect(beijingYearMonth(new Date("2025-12-31T16:00:00Z"))).toEqual({ year: 2026, month: 1 });
  });
});

describe("beijingDayStart", () => {
  it("is Beijing midnight, i.e. 16:00 UTC the day before", () => {
    expect(beijingDayStart("2025-07-31").toISOString()).toBe("2025-07-30T16:00:00.000Z");
    expect(beijingDayStart("2025-07-31", 1).toISOString()).toBe("2025-07-31T16:00:00.000Z");
    expect(beijingDayStart("2025-12-31", 1).toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });
});

describe("isCalendarDay", () => {
  it.each([
    ["2025-02-28", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-01", false],
    ["2025-7-31", false],
  ])("%s → %s", (day, expected) => expect(isCalendarDay(day)).toBe(expected));
});

describe("formatIsoTimestamp", () => {
  it("reads stored ISO timestamps and nothing else", () => {
    expect(formatIsoTimestamp("2025-07-31T08:05:00.000Z")).toBe("2025-07-31 16:05");
    expect(formatIsoTimestamp("2025-07-31")).toBeNull();
    expect(formatIsoTimestamp("冯先生")).toBeNull();
  });
});

/** What a server in `zone` prints for one fixed instant, through every formatter the pages and exports use. */
function printedUnder(zone: string): string {
  const root = path.resolve(__dirname, "..");
  const script = `
    import { formatTimestamp, formatDate, beijingYearMonth, beijingDayStart, isCalendarDay } from "./lib/beijing-time.ts";
    import { describeChanges } from "./components/audit/describe.ts";
    import { reportingMonth } from "./lib/figures/reporting-month.ts";
    const instant = new Date("2025-07-31T16:30:00.000Z");
    console.log(JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      timestamp: formatTimestamp(instant),
      date: formatDate(instant),
      yearMonth: beijingYearMonth(instant),
      reportingMonth: reportingMonth(2025, instant),
      dayStart: beijingDayStart("2025-08-01").toISOString(),
      calendar: isCalendarDay("2025-02-29"),
      audit: describeChanges({}, { submittedAt: instant.toISOString() }),
    }));
  `;
  const out = execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--eval", script], {
    cwd: root,
    // Only the zone and PATH: the test runner's own variables must not reach the child.
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", TZ: zone },
    encoding: "utf8",
  });
  return out;
}

describe("whatever the server's time zone", () => {
  it("prints the same Beijing time under TZ=UTC, TZ=Asia/Shanghai and TZ=America/New_York", { timeout: 60_000 }, () => {
    const utc = JSON.parse(printedUnder("UTC"));
    const shanghai = JSON.parse(printedUnder("Asia/Shanghai"));
    const newYork = JSON.parse(printedUnder("America/New_York"));
    // The child processes did run in those zones, so agreeing below is not for lack of a zone.
    expect([utc.zone, shanghai.zone, newYork.zone]).toEqual(["UTC", "Asia/Shanghai", "America/New_York"]);
    const { zone: _u, ...fromUtc } = utc;
    const { zone: _s, ...fromShanghai } = shanghai;
    const { zone: _n, ...fromNewYork } = newYork;
    expect(fromUtc).toEqual(fromShanghai);
    expect(fromNewYork).toEqual(fromShanghai);
    expect(fromShanghai).toMatchObject({
      timestamp: "2025-08-01 00:30",
      date: "2025-08-01",
      yearMonth: { year: 2025, month: 8 },
      reportingMonth: 8,
      dayStart: "2025-07-31T16:00:00.000Z",
      calendar: false,
      audit: [{ before: "", after: "2025-08-01 00:30" }],
    });
  });
});
