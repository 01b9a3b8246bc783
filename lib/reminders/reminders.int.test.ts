import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { leaseHolder, releaseLease, takeLease } from "./lease";
import { passReportText } from "./report-text";
import { runReminderPass } from "./run-pass";

// The scheduler's passes on one seeded database, in order, with their own clock: 09:00 Beijing time on 11 May 2025,
// the day after April's deadline; then later that day, the next day, and three days before May's deadline. Runs on
// PGlite, and on PostgreSQL when DATABASE_URL is set (the integration project).

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
});

const prisma = () => f.db.prisma;
const beijing = (iso: string) => new Date(`${iso}+08:00`);
const reminders = (event: "DEADLINE_SOON" | "DEADLINE_PASSED" | "OVERDUE_SUMMARY") =>
  prisma().notification.findMany({ where: { event }, select: { userId: true, sheetId: true, month: true, title: true, link: true }, orderBy: { id: "asc" } });

/** The published sheets of 2025 with an active lead: the ones the leads' reminders are about. */
async function ledSheets(): Promise<{ id: number; leads: number[] }[]> {
  const sheets = await prisma().targetSheet.findMany({
    where: { fiscalYear: { year: 2025 }, status: "PUBLISHED", assignments: { some: { role: "LEAD" } } },
    select: { id: true, assignments: { where: { role: "LEAD" }, select: { userId: true } } },
  });
  return sheets.map((s) => ({ id: s.id, leads: s.assignments.map((a) => a.userId) }));
}

describe("the scheduler's lease", () => {
  it("lets exactly one of two instances asking at once hold it, renews it for its holder, and passes on when released", async () => {
    const [a, b] = await Promise.all([takeLease(prisma(), "a", 60_000, "test"), takeLease(prisma(), "b", 60_000, "test")]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = a ? "a" : "b";
    const other = a ? "b" : "a";
    expect(await takeLease(prisma(), holder, 60_000, "test")).toBe(true);
    expect(await takeLease(prisma(), other, 60_000, "test")).toBe(false);
    expect(await leaseHolder(prisma(), "test")).toMatchObject({ holder, active: true });
    await releaseLease(prisma(), holder, "test");
    expect(await takeLease(prisma(), other, 60_000, "test")).toBe(true);
  });

  it("is taken over once it has expired (its holder stopped renewing it)", async () => {
    expect(await takeLease(prisma(), "x", 0, "expiring")).toBe(true);
    expect(await takeLease(prisma(), "y", 60_000, "expiring")).toBe(true);
    expect(await takeLease(prisma(), "x", 60_000, "expiring")).toBe(false);
  });
});

describe("a reminder pass", () => {
  it("before 08:00 Beijing time raises nothing, only delivers", async () => {
    const report = await runReminderPass(prisma(), { now: beijing("2025-05-11T07:59:00") });
    expect(report.reminders).toMatchObject({ passed: 0, soon: 0, summaries: 0, notifications: 0, skipped: "北京时间8时前不发送提醒" });
    expect(await reminders("DEADLINE_PASSED")).toEqual([]);
  });

  it("queues exactly one 逾期提醒 per overdue sheet-month and lead, even with two passes at once", async () => {
    const now = beijing("2025-05-11T09:00:00");
    const [one, two] = await Promise.all([runReminderPass(prisma(), { now }), runReminderPass(prisma(), { now })]);
    const sheets = await ledSheets();
    const passed = await reminders("DEADLINE_PASSED");
    // April was due yesterday; March (due 10 April, 31 days ago) is past the reminders' window: the 工作台 shows it.
    expect(passed.map((n) => [n.sheetId, n.month, n.userId]).sort()).toEqual(sheets.flatMap((s) => s.leads.map((u) => [s.id, 4, u])).sort());
    expect(one.reminders.passed + two.reminders.passed).toBe(sheets.length);
    expect(one.reminders.notifications + two.reminders.notifications).toBe(passed.length + 1);
    const liangqu = passed.find((n) => n.sheetId === f.sheets.liangqu)!;
    expect(liangqu).toMatchObject({
      title: "「2025年“两区”创新建设专项」2025年4月月报已逾期（截止 2025-05-10 23:59）",
      link: `/sheets/${f.sheets.liangqu}/progress?month=4`,
    });
    // One summary for the department's managers: every published sheet owes January–April.
    const summaries = await reminders("OVERDUE_SUMMARY");
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.title).toMatch(/^乌鲁木齐市科学技术局 2025-05-11：0 个月报待审核，\d+ 个月份逾期未报$/);
    expect(passReportText(one.reminders.passed > 0 ? one : two)).toContain("提醒调度：北京时间 2025-05-11 09:00");
  });

  it("queues nothing new later that day, and only the next day's summary the day after", async () => {
    const later = await runReminderPass(prisma(), { now: beijing("2025-05-11T17:30:00") });
    expect(later.reminders).toMatchObject({ soon: 0, passed: 0, summaries: 0, notifications: 0, messages: 0, skipped: null });
    const next = await runReminderPass(prisma(), { now: beijing("2025-05-12T08:00:00") });
    expect(next.reminders).toMatchObject({ soon: 0, passed: 0, summaries: 1 });
    expect(await reminders("OVERDUE_SUMMARY")).toHaveLength(2);
  });

  it("reminds the lead 3 days before a deadline, not of a month already submitted", async () => {
    await prisma().sheetMonth.create({ data: { sheetId: f.sheets.liangqu, month: 5, status: "SUBMITTED" } });
    const [one, two] = await Promise.all([
      runReminderPass(prisma(), { now: beijing("2025-06-07T08:30:00") }),
      runReminderPass(prisma(), { now: beijing("2025-06-07T08:30:00") }),
    ]);
    const soon = await reminders("DEADLINE_SOON");
    const sheets = (await ledSheets()).filter((s) => s.id !== f.sheets.liangqu);
    expect(soon.map((n) => [n.sheetId, n.month]).sort()).toEqual(sheets.flatMap((s) => s.leads.map(() => [s.id, 5])).sort());
    expect(one.reminders.soon + two.reminders.soon).toBe(sheets.length);
    expect(soon.find((n) => n.sheetId === f.sheets.peitao)!.title).toBe(
      "「落实2023年厅地联动市级配套专项资金」2025年5月月报将于 2025-06-10 23:59 截止（还剩3天）",
    );
    // April's 逾期提醒 went out a month ago: not again.
    expect(one.reminders.passed + two.reminders.passed).toBe(0);
  });
});

describe("the year-end reminders", () => {
  const yearEnd = (event: "DEADLINE_SOON" | "DEADLINE_PASSED") =>
    prisma().notification.findMany({ where: { event, month: null }, select: { userId: true, sheetId: true, title: true, link: true }, orderBy: { id: "asc" } });
  /** The published 2025 sheets with someone of that role, and those people. */
  async function owing(role: "LEAD" | "EVALUATOR"): Promise<{ id: number; people: number[] }[]> {
    const sheets = await prisma().targetSheet.findMany({
      where: { fiscalYear: { year: 2025 }, status: "PUBLISHED", assignments: { some: { role } } },
      select: { id: true, assignments: { where: { role }, select: { userId: true } } },
    });
    return sheets.map((s) => ({ id: s.id, people: s.assignments.map((a) => a.userId) }));
  }
  const pairs = (sheets: { id: number; people: number[] }[]) => sheets.flatMap((s) => s.people.map((u) => [s.id, u])).sort();

  it("reminds the leads 3 days before the 自评 deadline (31 January), once, not of a sheet whose 自评 is final", async () => {
    await prisma().evaluation.create({ data: { sheetId: f.sheets.kepu, kind: "SELF", status: "FINAL", finalisedAt: beijing("2026-01-20T10:00:00") } });
    const now = beijing("2026-01-28T09:00:00");
    const [one, two] = await Promise.all([runReminderPass(prisma(), { now }), runReminderPass(prisma(), { now })]);
    const soon = await yearEnd("DEADLINE_SOON");
    const leads = (await owing("LEAD")).filter((s) => s.id !== f.sheets.kepu);
    expect(soon.map((n) => [n.sheetId, n.userId]).sort()).toEqual(pairs(leads));
    expect(soon.find((n) => n.sheetId === f.sheets.liangqu)).toMatchObject({
      title: "「2025年“两区”创新建设专项」2025年年度自评将于 2026-01-31 23:59 截止（还剩3天）",
      link: `/sheets/${f.sheets.liangqu}/evaluate`,
    });
    // December's 逾期提醒 (due 10 January) goes out in the same pass; the year-end ones are counted with them.
    expect(one.reminders.soon + two.reminders.soon).toBe(leads.length);
    const again = await runReminderPass(prisma(), { now: beijing("2026-01-29T09:00:00") });
    expect(again.reminders.soon).toBe(0);
  });

  it("tells the leads once the 自评 deadline has passed, and the evaluators before and after the 年终评价 deadline (end of February)", async () => {
    await runReminderPass(prisma(), { now: beijing("2026-02-01T08:00:00") });
    const leads = (await owing("LEAD")).filter((s) => s.id !== f.sheets.kepu);
    const passedSelf = (await yearEnd("DEADLINE_PASSED")).filter((n) => n.title.includes("年度自评"));
    expect(passedSelf.map((n) => [n.sheetId, n.userId]).sort()).toEqual(pairs(leads));

    await prisma().evaluation.create({ data: { sheetId: f.sheets.peitao, kind: "EVALUATOR", status: "FINAL", finalisedAt: beijing("2026-02-20T10:00:00") } });
    await runReminderPass(prisma(), { now: beijing("2026-02-25T08:00:00") });
    const evaluators = (await owing("EVALUATOR")).filter((s) => s.id !== f.sheets.peitao);
    const soonEvaluation = (await yearEnd("DEADLINE_SOON")).filter((n) => n.title.includes("年终评价"));
    expect(evaluators.length).toBeGreaterThan(0);
    expect(soonEvaluation.map((n) => [n.sheetId, n.userId]).sort()).toEqual(pairs(evaluators));
    expect(soonEvaluation[0]!.title).toMatch(/2025年年终评价将于 2026-02-28 23:59 截止（还剩3天）$/);

    await runReminderPass(prisma(), { now: beijing("2026-03-01T08:00:00") });
    const passedEvaluation = (await yearEnd("DEADLINE_PASSED")).filter((n) => n.title.includes("年终评价"));
    expect(passedEvaluation.map((n) => [n.sheetId, n.userId]).sort()).toEqual(pairs(evaluators));
  });
});
