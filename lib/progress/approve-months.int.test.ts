import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AFTER_2025, createFixture, type Fixture, refusal } from "@/lib/testing/progress-fixtures";
import { otherDepartmentSheet } from "@/lib/testing/factory";
import { actorId } from "@/lib/auth/actor";
import { approveMonths } from "./approve-months";
import { listReviewQueue } from "./list-review-queue";
import { reviewMonth } from "./review-month";
import { saveProgress } from "./save-progress";
import { submitMonth } from "./submit-month";

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
});

const now = { now: AFTER_2025 };
const LIANGQU = "「2025年“两区”创新建设专项」";

/** The lead fills a complete month of 两区 (every light explained) and submits it; answers the submitted version. */
async function submitted(month: number): Promise<number> {
  const value = (i: number) => (i === 5 ? "100" : i === 6 ? "达成" : i === 4 ? "1" : "1.5");
  const rows = f.liangquRows.map((r, i) => ({ indicatorId: r.id, version: 0, value: value(i), deviationReason: "按计划推进", improvement: "加快进度" }));
  const saved = await saveProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month, rows, executed: { value: "800", version: 0 } }, now);
  return (await submitMonth(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month, version: saved.view.monthVersion }, now)).monthVersion;
}

const monthRecord = (month: number) => f.db.prisma.sheetMonth.findUniqueOrThrow({ where: { sheetId_month: { sheetId: f.sheets.liangqu, month } } });
const approvals = (month: number) =>
  monthRecord(month).then((m) => f.db.prisma.auditLog.findMany({ where: { entityType: "SheetMonth", entityId: String(m.id), action: "month.approve" } }));

describe("approveMonths (批量审核通过)", () => {
  it("approves each month as a single approval would; a month changed since it was listed is refused by name and the others go on", async () => {
    for (const month of [3, 4, 5]) await submitted(month);
    const listed = (await listReviewQueue(f.db.prisma, f.actors.manager)).filter((item) => item.sheetId === f.sheets.liangqu);
    expect(listed.map((item) => [item.month, item.version])).toEqual([
      [3, 2],
      [4, 2],
      [5, 2],
    ]);

    // Meanwhile April goes back to the lead and comes again: still 已提交, but not the version the manager saw.
    const returned = await reviewMonth(
      f.db.prisma,
      f.actors.manager,
      { sheetId: f.sheets.liangqu, month: 4, version: 2, decision: "return", comment: "补充" },
      now,
    );
    await submitMonth(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 4, version: returned.monthVersion }, now);

    const notificationsBefore = await f.db.prisma.notification.count({ where: { event: "MONTH_APPROVED" } });
    const result = await approveMonths(
      f.db.prisma,
      f.actors.manager,
      { months: listed.map(({ sheetId, month, version }) => ({ sheetId, month, version })) },
      now,
    );
    expect(result.approved).toEqual([
      { sheetId: f.sheets.liangqu, month: 3, name: `${LIANGQU}2025年3月` },
      { sheetId: f.sheets.liangqu, month: 5, name: `${LIANGQU}2025年5月` },
    ]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatchObject({ sheetId: f.sheets.liangqu, month: 4, name: `${LIANGQU}2025年4月` });
    // The refusal a single approval on the month's page gives.
    expect(result.refused[0]!.reason).toBe("「2025年4月」已被他人修改（现为第 4 版，你修改前为第 2 版），请刷新后重新填写。请刷新页面后重试");

    expect((await monthRecord(3)).status).toBe("APPROVED");
    expect((await monthRecord(4)).status).toBe("SUBMITTED");
    expect((await monthRecord(5)).status).toBe("APPROVED");

    // One audit entry per approved month, recorded as a single approval records it.
    const bulk = await approvals(3);
    expect(bulk).toHaveLength(1);
    expect(bulk[0]).toMatchObject({
      actorId: actorId(f.actors.manager),
      before: { status: "SUBMITTED", version: 2 },
      after: { status: "APPROVED", version: 3 },
    });
    expect(await approvals(4)).toEqual([]);
    const april = await monthRecord(4);
    await reviewMonth(f.db.prisma, f.actors.manager, { sheetId: f.sheets.liangqu, month: 4, version: april.version, decision: "approve" }, now);
    const single = await approvals(4);
    const shape = (entry: (typeof single)[number]) => ({
      action: entry.action,
      entityType: entry.entityType,
      actorId: entry.actorId,
      before: Object.keys(entry.before as object).sort(),
      after: Object.keys(entry.after as object).sort(),
    });
    expect(shape(bulk[0]!)).toEqual(shape(single[0]!));

    // The lead is told of each approved month, as after a single approval (then April's own).
    const told = await f.db.prisma.notification.findMany({
      where: { event: "MONTH_APPROVED", userId: actorId(f.actors.lead)!, sheetId: f.sheets.liangqu },
      orderBy: { id: "asc" },
    });
    expect(told.map((n) => n.month)).toEqual([3, 5, 4]);
    expect((await f.db.prisma.notification.count({ where: { event: "MONTH_APPROVED" } })) - notificationsBefore).toBe(told.length);
  });

  it("refuses each month the actor may not approve, naming a sheet they cannot see by its number only", async () => {
    const version = await submitted(6);
    const other = await otherDepartmentSheet(f.db.prisma);
    const asLead = await approveMonths(f.db.prisma, f.actors.lead, { months: [{ sheetId: f.sheets.liangqu, month: 6, version }] }, now);
    expect(asLead.approved).toEqual([]);
    expect(asLead.refused).toEqual([{ sheetId: f.sheets.liangqu, month: 6, name: `${LIANGQU}2025年6月`, reason: expect.any(String) }]);

    const mixed = await approveMonths(
      f.db.prisma,
      f.actors.manager,
      {
        months: [
          { sheetId: other.sheetB.id, month: 6, version: 2 },
          { sheetId: f.sheets.liangqu, month: 7, version: 0 },
          { sheetId: f.sheets.liangqu, month: 6, version },
          { sheetId: f.sheets.liangqu, month: 6, version },
        ],
      },
      now,
    );
    expect(mixed.refused.map((m) => [m.name, m.reason])).toEqual([
      [`编号 ${other.sheetB.id} 的绩效目标表 6月`, expect.any(String)],
      [`${LIANGQU}2025年7月`, "2025年7月当前为「草稿」，只有已提交的月份可以审核"],
    ]);
    // The same month twice is approved once.
    expect(mixed.approved.map((m) => m.month)).toEqual([6]);
    expect(await approvals(6)).toHaveLength(1);
  });

  it("refuses an empty selection", async () => {
    const err = await refusal(approveMonths(f.db.prisma, f.actors.manager, { months: [] }, now));
    expect(err.code).toBe("INVALID");
    expect(err.problems[0]!.message).toBe("请选择要审核通过的月份");
  });
});
