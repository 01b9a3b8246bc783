import { afterEach, describe, expect, it } from "vitest";
import {
  countdownText,
  daysUntil,
  defaultReportDue,
  defaultYearEndDue,
  dueProblem,
  isOverdue,
  isPastDue,
  monthsPastDue,
  overdueText,
  readDay,
  resolveDeadlines,
} from "./rules";

const at = (iso: string) => new Date(iso);

describe("default deadlines", () => {
  it("a month is due on the 10th of the next month; December on 10 January of the next year", () => {
    expect(defaultReportDue(2025, 7)).toBe("2025-08-10");
    expect(defaultReportDue(2025, 1)).toBe("2025-02-10");
    expect(defaultReportDue(2025, 12)).toBe("2026-01-10");
  });

  it("自评 by 31 January, 年终评价 by the last day of February of the next year", () => {
    expect(defaultYearEndDue(2025, "SELF_EVALUATION")).toBe("2026-01-31");
    expect(defaultYearEndDue(2025, "EVALUATION")).toBe("2026-02-28");
    expect(defaultYearEndDue(2027, "EVALUATION")).toBe("2028-02-29");
  });

  it("resolves stored deadlines over the defaults", () => {
    const d = resolveDeadlines(2025, [{ kind: "REPORT", month: 9, due: "2025-10-14", note: "国庆假期顺延" }]);
    expect(d.months).toHaveLength(12);
    expect(d.months[8]).toEqual({ month: 9, due: "2025-10-14", note: "国庆假期顺延", isDefault: false });
    expect(d.months[7]).toEqual({ month: 8, due: "2025-09-10", note: "", isDefault: true });
    expect(d.selfEvaluation).toEqual({ due: "2026-01-31", note: "", isDefault: true });
  });
});

describe("the deadline day, Beijing time", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  for (const tz of ["UTC", "America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"]) {
    it(`is on time through 23:59:59 of the day and 逾期 from 00:00 of the 11th (server in ${tz})`, () => {
      process.env.TZ = tz;
      // July 2025 is due 2025-08-10: 23:59 Beijing = 15:59 UTC.
      expect(isPastDue("2025-08-10", at("2025-08-10T15:59:59.999Z"))).toBe(false);
      expect(isPastDue("2025-08-10", at("2025-08-10T16:00:00.000Z"))).toBe(true);
      expect(isOverdue("2025-08-10", "DRAFT", at("2025-08-10T15:59:00Z"))).toBe(false);
      expect(isOverdue("2025-08-10", "DRAFT", at("2025-08-10T16:00:00Z"))).toBe(true);
      // Days left count Beijing dates: 08-10 00:30 Beijing is still 08-09 in UTC.
      expect(daysUntil("2025-08-10", at("2025-08-07T16:00:00Z"))).toBe(2);
      expect(daysUntil("2025-08-10", at("2025-08-07T15:59:00Z"))).toBe(3);
      expect(daysUntil("2025-08-10", at("2025-08-09T16:30:00Z"))).toBe(0);
      expect(daysUntil("2025-08-10", at("2025-08-10T16:00:00Z"))).toBe(-1);
    });
  }

  it("counts what is due, submitted or not", () => {
    const after = at("2025-08-11T00:00:00Z");
    expect(isOverdue("2025-08-10", null, after)).toBe(true);
    expect(isOverdue("2025-08-10", "RETURNED", after)).toBe(true);
    expect(isOverdue("2025-08-10", "SUBMITTED", after)).toBe(false);
    expect(isOverdue("2025-08-10", "APPROVED", after)).toBe(false);
  });

  it("lists the months whose deadline has passed, an admin's later day included", () => {
    const d = resolveDeadlines(2025, [{ kind: "REPORT", month: 6, due: "2025-08-20", note: "" }]);
    expect(monthsPastDue(d, at("2025-08-10T16:00:00Z"))).toEqual([1, 2, 3, 4, 5, 7]);
    expect(monthsPastDue(d, at("2025-01-01T00:00:00Z"))).toEqual([]);
    expect(monthsPastDue(d, at("2026-01-10T16:00:00Z"))).toHaveLength(12);
  });

  it("words the countdown", () => {
    expect([3, 1, 0, -1, -12].map(countdownText)).toEqual(["还剩3天", "还剩1天", "今天截止", "已逾期1天", "已逾期12天"]);
  });
});

describe("an admin's deadline", () => {
  it("reads the ways a day is typed", () => {
    expect(readDay(" 2025-8-14 ")).toBe("2025-08-14");
    expect(readDay("2025/08/14")).toBe("2025-08-14");
    expect(readDay("２０２５年８月１４日")).toBe("2025-08-14");
    expect(readDay("")).toBe("");
    expect(readDay("2025-02-30")).toBeNull();
    expect(readDay("8月14日")).toBeNull();
  });

  it("is not before the month's last day nor after the end of the next year", () => {
    expect(dueProblem(2025, "REPORT", 7, "2025-07-31")).toBeNull();
    expect(dueProblem(2025, "REPORT", 7, "2025-07-30")).toBe("7月的截止日不能早于2025-07-31（该月最后一天）");
    expect(dueProblem(2025, "REPORT", 2, "2025-02-28")).toBeNull();
    expect(dueProblem(2025, "REPORT", 12, "2027-01-01")).toBe("截止日不能晚于2026-12-31");
    expect(dueProblem(2025, "EVALUATION", 0, "2025-12-30")).toBe("年终截止日不能早于2025-12-31");
    expect(dueProblem(2025, "SELF_EVALUATION", 0, "2026-01-20")).toBeNull();
  });
});

describe("逾期 months as text", () => {
  it("joins runs of months", () => {
    expect(overdueText([1, 2, 3, 4, 6])).toBe("1–4、6月（5个月）");
    expect(overdueText([7])).toBe("7月（1个月）");
    expect(overdueText([12, 10, 11, 2])).toBe("2、10–12月（4个月）");
    expect(overdueText([])).toBe("—");
  });
});
