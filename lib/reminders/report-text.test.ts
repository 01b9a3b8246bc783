import { describe, expect, it } from "vitest";
import { passReportText, readNow } from "./report-text";
import { activeYears, beijingHour, remindersDue } from "./rules";

describe("reminders:run --now", () => {
  it("reads an ISO time, Beijing time when it names no zone", () => {
    expect(readNow("2025-08-11T09:00:00+08:00")?.toISOString()).toBe("2025-08-11T01:00:00.000Z");
    expect(readNow("2025-08-11T01:00:00Z")?.toISOString()).toBe("2025-08-11T01:00:00.000Z");
    expect(readNow("2025-08-11T09:00")?.toISOString()).toBe("2025-08-11T01:00:00.000Z");
    expect(readNow("2025-08-11 09:00")?.toISOString()).toBe("2025-08-11T01:00:00.000Z");
    expect(readNow("2025-08-11")?.toISOString()).toBe("2025-08-10T16:00:00.000Z");
    for (const bad of ["", "tomorrow", "2025-13-01T00:00", "11/08/2025"]) expect(readNow(bad), bad).toBeNull();
  });
});

describe("when reminders go out", () => {
  it("from 08:00 Beijing time, whatever the server's zone", () => {
    expect(beijingHour(new Date("2025-08-10T23:59:00Z"))).toBe(7);
    expect(remindersDue(new Date("2025-08-10T23:59:00Z"))).toBe(false);
    expect(remindersDue(new Date("2025-08-11T00:00:00Z"))).toBe(true);
  });

  it("about this year, and until the end of February the previous one too", () => {
    expect(activeYears(new Date("2026-02-28T15:59:00Z"))).toEqual([2025, 2026]);
    expect(activeYears(new Date("2026-02-28T16:00:00Z"))).toEqual([2026]);
  });
});

describe("the pass report", () => {
  it("says what was queued and sent", () => {
    const text = passReportText({
      now: new Date("2025-05-11T01:00:00Z"),
      reminders: { soon: 1, passed: 7, summaries: 1, notifications: 9, messages: 2, skipped: null },
      digests: { queued: 1, notifications: 3 },
      delivery: { sent: 3, retrying: 0, failed: 0 },
    });
    expect(text).toBe(
      [
        "提醒调度：北京时间 2025-05-11 09:00",
        "生成提醒：截止提醒 1 条，逾期提醒 7 条，管理者每日汇总 1 份（站内通知 9 条，待发邮件和群消息 2 条）",
        "每日摘要邮件：1 封（汇总通知 3 条）",
        "发送：成功 3 条，稍后重试 0 条，失败 0 条",
      ].join("\n"),
    );
  });
});
