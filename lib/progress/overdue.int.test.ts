import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDeadlines } from "@/lib/deadlines/set-deadlines";
import { listDeadlines } from "@/lib/deadlines/get-deadlines";
import { setPeriodLock } from "@/lib/fiscal-years/set-period-lock";
import { createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { listMyTodo } from "./list-my-todo";
import { listOverdue } from "./list-overdue";

// 逾期 on the 工作台s, one story in order: on 11 May 2025 (Beijing) January–April are due; 两区 has January submitted
// and February returned; then the admin moves April's deadline and locks January–April.

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
  await f.db.prisma.sheetMonth.createMany({
    data: [
      { sheetId: f.sheets.liangqu, month: 1, status: "SUBMITTED" },
      { sheetId: f.sheets.liangqu, month: 2, status: "RETURNED", reviewComment: "请补充" },
    ],
  });
});
afterAll(async () => {
  await f?.db.close();
});

const prisma = () => f.db.prisma;
/** 00:00 on 11 May 2025, Beijing time. */
const may11 = new Date("2025-05-10T16:00:00.000Z");
const months = async (sheetId: number) =>
  (await listMyTodo(prisma(), f.actors.lead, { now: may11 }))
    .filter((t) => t.sheetId === sheetId)
    .sort((a, b) => a.month - b.month)
    .map((t) => ({ month: t.month, status: t.status, overdue: t.overdue, periodLocked: t.periodLocked }));

describe("逾期 on the lead's 我的待办", () => {
  it("marks each owed month past its deadline, a returned one included, with its deadline and countdown", async () => {
    expect(await months(f.sheets.liangqu)).toEqual([
      { month: 2, status: "RETURNED", overdue: true, periodLocked: false },
      { month: 3, status: "DRAFT", overdue: true, periodLocked: false },
      { month: 4, status: "DRAFT", overdue: true, periodLocked: false },
      { month: 5, status: "DRAFT", overdue: false, periodLocked: false },
    ]);
    const todo = await listMyTodo(prisma(), f.actors.lead, { now: may11 });
    expect(todo.find((t) => t.sheetId === f.sheets.liangqu && t.month === 5)).toMatchObject({
      dueText: "2025-06-10 23:59",
      countdown: "还剩30天",
      current: true,
    });
    expect(todo.find((t) => t.sheetId === f.sheets.liangqu && t.month === 4)).toMatchObject({ dueText: "2025-05-10 23:59", countdown: "已逾期1天" });
    // One minute earlier April is still on time.
    const before = await listMyTodo(prisma(), f.actors.lead, { now: new Date("2025-05-10T15:59:00Z") });
    expect(before.find((t) => t.sheetId === f.sheets.liangqu && t.month === 4)).toMatchObject({ overdue: false, countdown: "今天截止" });
  });

  it("never drops a 逾期 month, even inside the locked period; drops a locked month not yet due", async () => {
    const listed = (await listDeadlines(prisma(), f.actors.admin)).find((d) => d.year === 2025)!;
    const blank = { due: "", note: "" };
    await setDeadlines(prisma(), f.actors.admin, {
      year: 2025,
      months: listed.months.map((m) => (m.month === 4 ? { due: "2025-05-20", note: "五一假期顺延" } : blank)),
      selfEvaluation: blank,
      evaluation: blank,
      read: listed.read,
    });
    await setPeriodLock(prisma(), f.actors.admin, { year: 2025, throughMonth: 4, reason: "" });
    expect(await months(f.sheets.liangqu)).toEqual([
      { month: 2, status: "RETURNED", overdue: true, periodLocked: true },
      { month: 3, status: "DRAFT", overdue: true, periodLocked: true },
      { month: 5, status: "DRAFT", overdue: false, periodLocked: false },
    ]);
    expect((await months(f.sheets.peitao)).map((m) => m.month)).toEqual([1, 2, 3, 5]);
  });
});

describe("逾期 on the manager's 工作台", () => {
  it("counts per sheet and per unit the sheets the user may see", async () => {
    const summary = (await listOverdue(prisma(), f.actors.manager, { year: 2025, now: may11 }))!;
    const published = await prisma().targetSheet.count({ where: { fiscalYear: { year: 2025 }, status: "PUBLISHED" } });
    expect(summary.totalSheets).toBe(published);
    // Everyone owes January–March (April is now due on 20 May) except 两区, which owes February and March.
    expect(summary.totalMonths).toBe((published - 1) * 3 + 2);
    expect(summary.sheets.at(-1)).toMatchObject({ sheetId: f.sheets.liangqu, months: [2, 3], text: "2–3月（2个月）" });
    expect(summary.units.reduce((n, u) => n + u.sheets, 0)).toBe(published);
    expect(summary.units.reduce((n, u) => n + u.months, 0)).toBe(summary.totalMonths);
    const units = await prisma().targetSheet.groupBy({ by: ["unitId"], where: { fiscalYear: { year: 2025 } }, _count: { _all: true } });
    expect(summary.units.map((u) => [u.unitId, u.sheets])).toEqual(units.sort((a, b) => a.unitId - b.unitId).map((u) => [u.unitId, u._count._all]));

    const lead = (await listOverdue(prisma(), f.actors.lead, { year: 2025, now: may11 }))!;
    expect(lead.sheets.map((s) => s.sheetId).sort()).toEqual([f.sheets.liangqu, f.sheets.peitao].sort());

    const early = (await listOverdue(prisma(), f.actors.manager, { year: 2025, now: new Date("2025-02-10T15:00:00Z") }))!;
    expect(early).toMatchObject({ totalSheets: 0, totalMonths: 0, sheets: [], units: [] });
    expect(await listOverdue(prisma(), f.actors.manager, { year: 2031, now: may11 })).toBeNull();
  });
});
