import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, actorId } from "@/lib/auth/actor";
import { auditMark, expectRefused } from "@/lib/testing/audit";
import { saveSelfEvaluation } from "@/lib/evaluation/save-self-evaluation";
import { deleteEvidence } from "@/lib/evidence/delete-evidence";
import { samples } from "@/lib/testing/evidence-samples";
import { storedFiles, useTempDataDir } from "@/lib/testing/evidence";
import { uploadEvidence } from "@/lib/evidence/upload-evidence";
import { adjustBudget } from "@/lib/progress/adjust-budget";
import { getProgress } from "@/lib/progress/get-progress";
import { listMyTodo } from "@/lib/progress/list-my-todo";
import { reopenMonth } from "@/lib/progress/reopen-month";
import { reviewMonth } from "@/lib/progress/review-month";
import { saveProgress } from "@/lib/progress/save-progress";
import { submitMonth } from "@/lib/progress/submit-month";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { createFiscalYear } from "./create-fiscal-year";
import { listFiscalYears } from "./list-fiscal-years";
import { setPeriodLock } from "./set-period-lock";

// One seeded database for the file: the tests run in order, as one story — months 1–3 of 2025 are prepared
// (1 submitted, 3 in draft with a file), the admin locks through March, every write is refused, then unlocked.

let f: Fixture;
let data: ReturnType<typeof useTempDataDir>;
beforeAll(async () => {
  data = useTempDataDir();
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
  data?.restore();
});

const now = { now: AFTER_2025 };
const prisma = () => f.db.prisma;
const sheetId = () => f.sheets.liangqu;
const view = (month: number, who: keyof Fixture["actors"] = "lead") => getProgress(prisma(), f.actors[who], { sheetId: sheetId(), month }, now);
const lock = (throughMonth: number, reason = "", actor: Actor = f.actors.admin, year = 2025) => setPeriodLock(prisma(), actor, { year, throughMonth, reason });

/** A month with every row and the 执行数 filled and every non-green row explained: ready to submit. */
async function fillMonth(month: number) {
  const filled = await saveProgress(
    prisma(),
    f.actors.lead,
    {
      sheetId: sheetId(),
      month,
      rows: f.liangquRows.map((r, i) => ({ indicatorId: r.id, version: 0, value: i === 5 ? "100" : i === 6 ? "达成" : "1" })),
      executed: { value: "300", version: 0 },
    },
    now,
  );
  const explain = filled.view.rows
    .filter((r) => r.needsExplanation)
    .map((r) => ({ indicatorId: r.indicatorId, version: r.entry.version, value: r.entry.value, deviationReason: "进度说明", improvement: "改进措施" }));
  return (await saveProgress(prisma(), f.actors.lead, { sheetId: sheetId(), month, rows: explain }, now)).view;
}

const upload = (month: number) =>
  uploadEvidence(
    prisma(),
    f.actors.lead,
    { sheetId: sheetId(), month, file: { name: `${month}月工作资料.pdf`, type: "application/pdf", bytes: samples.pdf } },
    now,
  );

/** Every in-year record of the sheet, as text: equal before and after a refused write means nothing was written. */
async function recorded(): Promise<string> {
  const where = { sheetId: sheetId() };
  const rows = await Promise.all([
    prisma().progressEntry.findMany({ where: { indicator: where }, orderBy: { id: "asc" } }),
    prisma().sheetMonth.findMany({ where, orderBy: { id: "asc" } }),
    prisma().budgetAdjustment.findMany({ where, orderBy: { id: "asc" } }),
    prisma().evidenceFile.findMany({ where, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify(rows);
}

let march: { monthVersion: number; rowVersion: number };
let januaryVersion: number;
let marchFileId: number;

describe("period lock", () => {
  it("starts unlocked: the admin prepares months 1 and 3", async () => {
    const january = await fillMonth(1);
    januaryVersion = (await submitMonth(prisma(), f.actors.lead, { sheetId: sheetId(), month: 1, version: january.monthVersion }, now)).monthVersion;
    const marchView = await fillMonth(3);
    march = { monthVersion: marchView.monthVersion, rowVersion: marchView.rows[0]!.entry.version };
    marchFileId = (await upload(3)).id;
    expect((await listFiscalYears(prisma(), f.actors.admin)).find((y) => y.year === 2025)).toMatchObject({ lockedThroughMonth: 0, lockText: "未锁定" });
  });

  it("is for admins only", async () => {
    for (const who of ["manager", "lead", "lead2", "evaluator"] as const) {
      await expectRefused(prisma(), () => lock(3, "", f.actors[who]), "FORBIDDEN");
      await expectRefused(prisma(), () => createFiscalYear(prisma(), f.actors[who], { year: 2030 }), "FORBIDDEN");
      await expectRefused(prisma(), () => listFiscalYears(prisma(), f.actors[who]), "FORBIDDEN");
    }
    expect((await prisma().fiscalYear.findUniqueOrThrow({ where: { year: 2025 } })).lockedThroughMonth).toBe(0);
  });

  it("refuses what makes no sense: an unknown year, a month out of range, the lock it already has", async () => {
    await expectRefused(prisma(), () => lock(3, "", f.actors.admin, 2040), "NOT_FOUND", "year");
    await expectRefused(prisma(), () => lock(13), "INVALID", "throughMonth");
    await expectRefused(prisma(), () => setPeriodLock(prisma(), f.actors.admin, { year: 2025, throughMonth: "", reason: "" }), "INVALID", "throughMonth");
    await expectRefused(prisma(), () => lock(0), "INVALID", "throughMonth");
  });

  it("locks months 1–3 of the year, audited with before and after", async () => {
    const entries = await auditMark(prisma());
    expect(await lock(3)).toEqual({ year: 2025, before: 0, after: 3 });
    const year = await prisma().fiscalYear.findUniqueOrThrow({ where: { year: 2025 } });
    expect(year.lockedThroughMonth).toBe(3);
    const audit = await entries();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "period.lock",
      entityType: "FiscalYear",
      entityId: String(year.id),
      actorId: actorId(f.actors.admin),
      before: { year: 2025, lockedThroughMonth: 0 },
      after: { year: 2025, lockedThroughMonth: 3 },
    });
  });

  it("refuses every write of the lead inside the locked period, writing and auditing nothing", async () => {
    const before = await recorded();
    const files = storedFiles(data.dir);
    const message = "2025年1月至3月已由管理员锁定，不能再修改";
    const rows = [{ indicatorId: f.liangquRows[0]!.id, version: march.rowVersion, value: "2" }];

    const saved = await expectRefused(prisma(), () => saveProgress(prisma(), f.actors.lead, { sheetId: sheetId(), month: 3, rows }, now), "LOCKED");
    expect(saved.message).toBe(message);
    const executed = { value: "400", version: march.monthVersion };
    await expectRefused(prisma(), () => saveProgress(prisma(), f.actors.lead, { sheetId: sheetId(), month: 3, rows: [], executed }, now), "LOCKED");
    // Month 2 has no record at all: the lock covers it just the same.
    await expectRefused(
      prisma(),
      () => saveProgress(prisma(), f.actors.lead, { sheetId: sheetId(), month: 2, rows: [{ ...rows[0]!, version: 0 }] }, now),
      "LOCKED",
    );
    await expectRefused(prisma(), () => adjustBudget(prisma(), f.actors.lead, { sheetId: sheetId(), month: 3, amount: "10", reason: "追加" }, now), "LOCKED");
    await expectRefused(prisma(), () => submitMonth(prisma(), f.actors.lead, { sheetId: sheetId(), month: 3, version: march.monthVersion }, now), "LOCKED");
    const uploaded = await expectRefused(prisma(), () => upload(3), "LOCKED");
    expect(uploaded.message).toBe("2025年1月至3月已由管理员锁定，不能再上传佐证资料");
    const deleted = await expectRefused(prisma(), () => deleteEvidence(prisma(), f.actors.lead, { id: marchFileId }, now), "LOCKED");
    expect(deleted.message).toBe("2025年1月至3月已由管理员锁定，不能再删除佐证资料");

    expect(await recorded()).toBe(before);
    expect(storedFiles(data.dir)).toEqual(files);
  });

  it("lets a manager approve a month submitted before the lock, but neither return nor reopen it", async () => {
    const input = { sheetId: sheetId(), month: 1, version: januaryVersion };
    const returned = await expectRefused(
      prisma(),
      () => reviewMonth(prisma(), f.actors.manager, { ...input, decision: "return", comment: "请补充" }, now),
      "LOCKED",
    );
    expect(returned.message).toBe("2025年1月至3月已由管理员锁定，不能再退回");

    const entries = await auditMark(prisma());
    const approved = await reviewMonth(prisma(), f.actors.manager, { ...input, decision: "approve" }, now);
    expect(approved).toMatchObject({ status: "APPROVED", locked: true });
    expect((await entries()).map((e) => e.action)).toEqual(["month.approve"]);
    januaryVersion = approved.monthVersion;

    const before = await recorded();
    const reopen = await expectRefused(
      prisma(),
      () => reopenMonth(prisma(), f.actors.manager, { sheetId: sheetId(), month: 1, version: januaryVersion, reason: "数据需更正" }, now),
      "LOCKED",
    );
    expect(reopen.message).toBe("2025年1月至3月已由管理员锁定，不能再重新开放");
    expect(await recorded()).toBe(before);
    expect((await view(1, "manager")).permissions).toMatchObject({ review: false, reopen: false });
  });

  it("shows the locked months read-only, and leaves the later months and other sheets' later months open", async () => {
    const locked = await view(3);
    expect(locked).toMatchObject({
      status: "DRAFT",
      locked: true,
      periodLock: { throughMonth: 3, label: "已锁定（管理员已锁定至3月）", message: "2025年1月至3月已由管理员锁定，不能再修改" },
    });
    expect(locked.permissions).toMatchObject({ edit: false, submit: false });
    expect(locked.months.map((m) => m.locked).slice(0, 5)).toEqual([true, true, true, false, false]);

    const april = await view(4);
    expect(april).toMatchObject({ locked: false, periodLock: null, permissions: { edit: true, submit: true } });
    const saved = await saveProgress(
      prisma(),
      f.actors.lead,
      { sheetId: sheetId(), month: 4, rows: [{ indicatorId: f.liangquRows[0]!.id, version: 0, value: "1" }] },
      now,
    );
    expect(saved.saved).toBe(1);

    // 我的待办 keeps the locked months that are 逾期 (not submitted by their deadline), marked locked: month 1 was
    // submitted, months 2 (never reported) and 3 (a draft) are listed, nothing can be entered in them any more.
    const todo = await listMyTodo(prisma(), f.actors.lead, now);
    const lockedTodo = todo.filter((t) => t.sheetId === sheetId() && t.month <= 3);
    expect(lockedTodo.map((t) => [t.month, t.overdue, t.periodLocked])).toEqual([
      [3, true, true],
      [2, true, true],
    ]);
    expect(todo.some((t) => t.sheetId === sheetId() && t.month === 4)).toBe(true);
  });

  it("does not touch year-end evaluation, even with the whole year locked", async () => {
    await lock(12);
    const self = await saveSelfEvaluation(prisma(), f.actors.lead, {
      sheetId: sheetId(),
      version: 0,
      rows: [{ indicatorId: f.liangquRows[0]!.id, actual: "2" }],
    });
    expect(self).toBeDefined();
    await expectRefused(
      prisma(),
      () =>
        saveProgress(prisma(), f.actors.lead, { sheetId: sheetId(), month: 12, rows: [{ indicatorId: f.liangquRows[0]!.id, version: 0, value: "3" }] }, now),
      "LOCKED",
    );
  });

  it("moves the lock back only with a reason, audited as an unlock", async () => {
    await expectRefused(prisma(), () => lock(0), "INVALID", "reason");
    await expectRefused(prisma(), () => lock(2, "  "), "INVALID", "reason");
    const entries = await auditMark(prisma());
    expect(await lock(0, "补报3月数据")).toEqual({ year: 2025, before: 12, after: 0 });
    expect(await entries()).toMatchObject([
      {
        action: "period.unlock",
        entityType: "FiscalYear",
        before: { year: 2025, lockedThroughMonth: 12 },
        after: { year: 2025, lockedThroughMonth: 0, reason: "补报3月数据" },
      },
    ]);
  });

  it("allows every write again after the unlock", async () => {
    const rows = [{ indicatorId: f.liangquRows[0]!.id, version: march.rowVersion, value: "2", deviationReason: "进度说明", improvement: "改进措施" }];
    expect((await saveProgress(prisma(), f.actors.lead, { sheetId: sheetId(), month: 3, rows }, now)).saved).toBe(1);
    const adjusted = await adjustBudget(prisma(), f.actors.lead, { sheetId: sheetId(), month: 3, amount: "10", reason: "追加" }, now);
    await deleteEvidence(prisma(), f.actors.lead, { id: marchFileId }, now);
    await upload(3);
    const submitted = await submitMonth(prisma(), f.actors.lead, { sheetId: sheetId(), month: 3, version: adjusted.monthVersion }, now);
    expect(submitted.status).toBe("SUBMITTED");
    const returned = await reviewMonth(
      prisma(),
      f.actors.manager,
      { sheetId: sheetId(), month: 3, version: submitted.monthVersion, decision: "return", comment: "请补充" },
      now,
    );
    expect(returned.status).toBe("RETURNED");
    const reopened = await reopenMonth(prisma(), f.actors.manager, { sheetId: sheetId(), month: 1, version: januaryVersion, reason: "数据需更正" }, now);
    expect(reopened).toMatchObject({ status: "RETURNED", locked: false, periodLock: null });
  });
});

describe("fiscal years", () => {
  it("adds a year without sheets, refuses a duplicate, and lists every year with its sheets and lock", async () => {
    const entries = await auditMark(prisma());
    const created = await createFiscalYear(prisma(), f.actors.admin, { year: "２０２６" });
    expect(created.year).toBe(2026);
    expect(await entries()).toMatchObject([
      { action: "fiscal-year.create", entityType: "FiscalYear", entityId: String(created.id), after: { year: 2026, lockedThroughMonth: 0 } },
    ]);
    await expectRefused(prisma(), () => createFiscalYear(prisma(), f.actors.admin, { year: 2026 }), "CONFLICT", "year");
    await expectRefused(prisma(), () => createFiscalYear(prisma(), f.actors.admin, { year: 1999 }), "INVALID", "year");

    await lock(2, "", f.actors.admin, 2026);
    const years = await listFiscalYears(prisma(), f.actors.admin);
    expect(years.map((y) => y.year)).toEqual([2026, 2025]);
    expect(years[0]).toMatchObject({ lockedThroughMonth: 2, lockText: "已锁定至2月", sheets: { total: 0 }, monthsApproved: 0, monthsSubmitted: 0 });
    expect(years[1]).toMatchObject({
      lockedThroughMonth: 0,
      lockText: "未锁定",
      sheets: { total: 14, PUBLISHED: 14, DRAFT: 0, SUBMITTED: 0 },
      monthsApproved: 0,
      monthsSubmitted: 0,
    });
    // Another year's lock leaves 2025 alone.
    expect((await view(2)).periodLock).toBeNull();
  });
});
