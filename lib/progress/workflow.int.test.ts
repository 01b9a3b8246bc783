import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorLight } from "@/lib/scoring";
import { d, t } from "@/lib/testing/scoring";
import { adjustBudget } from "./adjust-budget";
import { getProgress } from "./get-progress";
import { listMySheets } from "./list-my-sheets";
import { listMyTodo } from "./list-my-todo";
import { listReviewQueue, reviewQueueSummary } from "./list-review-queue";
import { reopenMonth } from "./reopen-month";
import { reviewMonth } from "./review-month";
import { saveProgress } from "./save-progress";
import { setMeasureType } from "./set-measure-type";
import { submitMonth } from "./submit-month";
import { AFTER_2025, createFixture, type Fixture, refusal } from "@/lib/testing/progress-fixtures";

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.db.close();
});

const now = { now: AFTER_2025 };
const sheet = () => f.sheets.liangqu;
const row = (i: number) => f.liangquRows[i]!;
const view = (month: number, who: keyof Fixture["actors"] = "lead") => getProgress(f.db.prisma, f.actors[who], { sheetId: sheet(), month }, now);
const lastAudit = () => f.db.prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });

describe("submitMonth", () => {
  it("lists every missing value, the spending, and every unexplained non-green row", async () => {
    await saveProgress(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, rows: [{ indicatorId: row(0).id, version: 0, value: "1" }] }, now);
    const err = await refusal(submitMonth(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, version: 0 }, now));
    expect(err.code).toBe("INVALID");
    expect(err.message).toBe("2025年9月还不能提交，请先补充以下内容");
    expect(err.problems.map((p) => p.message)).toEqual([
      "「支持产业核心技术攻关项目数量」为红灯·进度滞后，需填写偏差原因",
      "「支持产业核心技术攻关项目数量」为红灯·进度滞后，需填写改进措施",
      "「产业核心技术攻关项目申报知识产权数量」尚未填写实际完成值（截至9月）",
      "「产业核心技术攻关项目培养研发人员、研究生等的数量」尚未填写实际完成值（截至9月）",
      "「产业核心技术攻关项目形成中期检查报告」尚未填写实际完成值（截至9月）",
      "「支持重点产业领域数量」尚未填写实际完成值（截至9月）",
      "「产业核心技术攻关项目牵头单位中企业的比例」尚未填写实际完成值（截至9月）",
      "「推动产业关键核心技术攻关实现突破」尚未填写实际完成值（截至9月）",
      "尚未填写执行数（截至9月，万元）",
    ]);
    expect(err.problems[0]!.path).toBe(`indicators.${row(0).id}.deviationReason`);
  });

  it("refuses a stale month version and a month that has not begun", async () => {
    await saveProgress(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, rows: [], executed: { value: "1", version: 0 } }, now);
    const stale = await refusal(submitMonth(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, version: 0 }, now));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.problems[0]!.message).toBe("「2025年9月」已被他人修改：执行数现为 1（你修改前为 空）");
    const early = await refusal(submitMonth(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, version: 1 }, { now: new Date("2025-08-10T00:00:00Z") }));
    expect(early.code).toBe("INVALID");
  });

  it("submits a complete month, audits the transition, and clears an old return comment", async () => {
    const rows = f.liangquRows.map((r, i) => ({ indicatorId: r.id, version: 0, value: i === 5 ? "100" : i === 6 ? "达成" : i === 4 ? "1" : "1.5" }));
    const saved = await saveProgress(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 6, rows, executed: { value: "800", version: 0 } }, now);
    expect(saved.view.rows.every((r) => r.light.light === "green")).toBe(true);
    expect(saved.warnings).toEqual([]);
    const submitted = await submitMonth(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 6, version: saved.view.monthVersion }, now);
    expect(submitted).toMatchObject({ status: "SUBMITTED", submitted: { by: "冯先生" } });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "month.submit", entityType: "SheetMonth" });
    expect(audit.before).toMatchObject({ sheetId: sheet(), month: 6, status: "DRAFT" });
    expect(audit.after).toMatchObject({ sheetId: sheet(), month: 6, status: "SUBMITTED", version: 2 });

    const returned = await reviewMonth(
      f.db.prisma,
      f.actors.manager,
      { sheetId: sheet(), month: 6, version: submitted.monthVersion, decision: "return", comment: "请补充佐证资料" },
      now,
    );
    expect(returned).toMatchObject({ status: "RETURNED", statusLabel: "已退回", reviewComment: "请补充佐证资料", reviewed: { by: "王科长" }, locked: false });
    expect(returned.permissions).toMatchObject({ review: false, reopen: false });
    const again = await submitMonth(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 6, version: returned.monthVersion }, now);
    expect(again).toMatchObject({ status: "SUBMITTED", reviewComment: "" });
  });
});

describe("reviewMonth and reopenMonth", () => {
  it("review only a submitted month, require a comment to return and a reason to reopen", async () => {
    const current = await view(6, "manager");
    expect(current.permissions).toMatchObject({ review: true, reopen: false });
    const noComment = await refusal(
      reviewMonth(f.db.prisma, f.actors.manager, { sheetId: sheet(), month: 6, version: current.monthVersion, decision: "return", comment: "  " }, now),
    );
    expect(noComment.code).toBe("INVALID");
    expect(noComment.problems).toEqual([{ path: "comment", message: "退回时请填写退回意见" }]);
    const stale = await refusal(
      reviewMonth(f.db.prisma, f.actors.manager, { sheetId: sheet(), month: 6, version: current.monthVersion - 1, decision: "approve" }, now),
    );
    expect(stale.code).toBe("CONFLICT");

    const approved = await reviewMonth(f.db.prisma, f.actors.manager, { sheetId: sheet(), month: 6, version: current.monthVersion, decision: "approve" }, now);
    expect(approved).toMatchObject({ status: "APPROVED", locked: true, permissions: { reopen: true, review: false } });
    expect(await lastAudit()).toMatchObject({ action: "month.approve", before: { status: "SUBMITTED" }, after: { status: "APPROVED", month: 6 } });
    const twice = await refusal(
      reviewMonth(f.db.prisma, f.actors.manager, { sheetId: sheet(), month: 6, version: approved.monthVersion, decision: "approve" }, now),
    );
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe("2025年6月当前为「已通过」，只有已提交的月份可以审核");
    expect((await refusal(reviewMonth(f.db.prisma, f.actors.manager, { sheetId: sheet(), month: 11, version: 0, decision: "approve" }, now))).code).toBe(
      "CONFLICT",
    );

    expect(
      (await refusal(reopenMonth(f.db.prisma, f.actors.manager, { sheetId: sheet(), month: 6, version: approved.monthVersion, reason: "" }, now))).code,
    ).toBe("INVALID");
    expect((await refusal(reopenMonth(f.db.prisma, f.actors.manager, { sheetId: sheet(), month: 11, version: 0, reason: "x" }, now))).code).toBe("CONFLICT");
    const reopened = await reopenMonth(
      f.db.prisma,
      f.actors.manager,
      { sheetId: sheet(), month: 6, version: approved.monthVersion, reason: "执行数录入有误" },
      now,
    );
    expect(reopened).toMatchObject({ status: "RETURNED", reviewComment: "执行数录入有误" });
    expect(await lastAudit()).toMatchObject({
      action: "month.reopen",
      before: { status: "APPROVED" },
      after: { status: "RETURNED", reviewComment: "执行数录入有误" },
    });
  });
});

describe("listMyTodo and listReviewQueue", () => {
  it("puts returned months first, then the most recent month, and only months up to the reporting month", async () => {
    const todo = await listMyTodo(f.db.prisma, f.actors.lead, now);
    expect(todo[0]).toMatchObject({ sheetId: sheet(), month: 6, status: "RETURNED", statusLabel: "已退回", reviewComment: "执行数录入有误" });
    expect(todo[1]).toMatchObject({ month: 12, current: true, statusLabel: "未填报" });
    expect(todo.filter((i) => i.sheetId === sheet()).map((i) => i.month)).toEqual([6, 12, 11, 10, 9, 8, 7, 5, 4, 3, 2, 1]);
    expect(todo.find((i) => i.sheetId === sheet() && i.month === 9)!.statusLabel).toBe("草稿");

    const midYear = await listMyTodo(f.db.prisma, f.actors.lead, { now: new Date("2025-07-15T00:00:00Z") });
    expect(Math.max(...midYear.map((i) => i.month))).toBe(7);
    expect(await listMyTodo(f.db.prisma, f.actors.lead, { now: new Date("2024-12-31T00:00:00Z") })).toEqual([]);

    const sheets = await listMySheets(f.db.prisma, f.actors.lead, now);
    expect(sheets.find((s) => s.id === sheet())).toMatchObject({
      month: 9,
      monthLabel: "2025年9月",
      statusLabel: "草稿",
      sheetLight: { label: "红灯·进度滞后" },
    });
  });

  it("queues submitted months of the manager's department, oldest submission first", async () => {
    const rows = (value: string) => f.liangquRows.map((r, i) => ({ indicatorId: r.id, version: 0, value: i === 5 ? "100" : i === 6 ? "达成" : value }));
    for (const [month, value, at] of [
      [8, "2", "2026-01-10T00:00:00Z"],
      [7, "2", "2026-01-05T00:00:00Z"],
    ] as const) {
      const saved = await saveProgress(
        f.db.prisma,
        f.actors.lead,
        { sheetId: sheet(), month, rows: rows(value), executed: { value: "1000", version: 0 } },
        now,
      );
      const explain = saved.view.rows
        .filter((r) => r.needsExplanation)
        .map((r) => ({ indicatorId: r.indicatorId, version: r.entry.version, value: r.entry.value, deviationReason: "原因", improvement: "措施" }));
      const ready = explain.length ? (await saveProgress(f.db.prisma, f.actors.lead, { sheetId: sheet(), month, rows: explain }, now)).view : saved.view;
      await submitMonth(f.db.prisma, f.actors.lead, { sheetId: sheet(), month, version: ready.monthVersion }, { now: new Date(at) });
    }
    const queue = await listReviewQueue(f.db.prisma, f.actors.manager);
    expect(queue.map((i) => i.monthLabel)).toEqual(["2025年7月", "2025年8月"]);
    expect(queue[0]).toMatchObject({ sheetName: "2025年“两区”创新建设专项", submittedBy: "冯先生", submittedAt: "2026-01-05 08:00" });
    expect(queue[0]!.sheetLight.label).toMatch(/灯/);
    expect(await reviewQueueSummary(f.db.prisma, f.actors.manager)).toEqual({ count: 2, oldestSubmittedAt: "2026-01-05 08:00" });
    expect(await reviewQueueSummary(f.db.prisma, f.actors.lead)).toEqual({ count: 0, oldestSubmittedAt: null });
  });
});

describe("setMeasureType", () => {
  it("switches a row between cumulative and level, changing its light, with version check and audit", async () => {
    const before = await view(9, "manager");
    expect(before.rows[0]!.light.label).toBe("红灯·进度滞后"); // 1 ÷ (3 × 9/12) = 44.44%
    const result = await setMeasureType(f.db.prisma, f.actors.manager, {
      indicatorId: row(0).id,
      measureType: "LEVEL",
      version: before.rows[0]!.indicatorVersion,
    });
    expect(result).toEqual({ sheetId: sheet(), measureType: "LEVEL", version: before.rows[0]!.indicatorVersion + 1 });
    const after = await view(9, "manager");
    const expected = indicatorLight({ target: t("＞=3项"), measureType: "level", value: d(1), month: 9 });
    expect(after.rows[0]!.light.reason).toBe(expected.reason);
    expect(after.rows[0]).toMatchObject({ measureType: "LEVEL", measureTypeLabel: "当期水平" });
    expect(await lastAudit()).toMatchObject({
      action: "indicator.measureType",
      entityType: "Indicator",
      entityId: String(row(0).id),
      before: { sheetId: sheet(), month: null, measureType: "CUMULATIVE" },
      after: { sheetId: sheet(), month: null, measureType: "LEVEL" },
    });

    const stale = await refusal(
      setMeasureType(f.db.prisma, f.actors.admin, { indicatorId: row(0).id, measureType: "CUMULATIVE", version: before.rows[0]!.indicatorVersion }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("计量方式现为 当期水平");
    expect((await refusal(setMeasureType(f.db.prisma, f.actors.manager, { indicatorId: row(6).id, measureType: "LEVEL", version: 1 }))).code).toBe("INVALID");
    await setMeasureType(f.db.prisma, f.actors.admin, { indicatorId: row(0).id, measureType: "CUMULATIVE", version: result.version });
  });
});

describe("adjustBudget", () => {
  it("changes 全年预算数 from its month on, keeps earlier months, and audits the adjustment", async () => {
    const adjusted = await adjustBudget(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, amount: "＋４００", reason: "追加预算" }, now);
    expect(adjusted.budget).toMatchObject({ adjustment: "400.00", fullYear: "2000.00" });
    expect(adjusted.budget.adjustments).toMatchObject([{ month: 9, amount: "400.00", reason: "追加预算", createdBy: "冯先生" }]);
    expect((await view(8)).budget.fullYear).toBe("1600.00");
    expect((await view(10)).budget.fullYear).toBe("2000.00");
    expect(await lastAudit()).toMatchObject({
      action: "budget.adjust",
      entityType: "BudgetAdjustment",
      before: null,
      after: { sheetId: sheet(), month: 9, amount: "400", reason: "追加预算" },
    });

    const minus = await adjustBudget(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, amount: "-100.5", reason: "收回" }, now);
    expect(minus.budget.fullYear).toBe("1899.50");
    expect(
      (await refusal(adjustBudget(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, amount: "-1,899.50", reason: "全部收回" }, now))).message,
    ).toBe("调整后全年预算数为 0.00 万元，应大于 0");
    expect((await refusal(adjustBudget(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, amount: "0", reason: "x" }, now))).code).toBe("INVALID");
    expect((await refusal(adjustBudget(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, amount: "1.234", reason: "x" }, now))).code).toBe("INVALID");
    expect((await refusal(adjustBudget(f.db.prisma, f.actors.lead, { sheetId: sheet(), month: 9, amount: "10", reason: " " }, now))).problems).toEqual([
      { path: "reason", message: "请填写调整原因" },
    ]);
  });
});

describe("an unpublished sheet", () => {
  it("takes no progress and is owed nothing until it is published", async () => {
    await f.db.prisma.targetSheet.update({ where: { id: f.sheets.peitao }, data: { status: "DRAFT" } });
    try {
      const rowId = (await f.db.prisma.indicator.findFirstOrThrow({ where: { sheetId: f.sheets.peitao } })).id;
      const err = await refusal(
        saveProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.peitao, month: 3, rows: [{ indicatorId: rowId, version: 0, value: "1" }] }, now),
      );
      expect(err).toMatchObject({ code: "INVALID", message: "该绩效目标表尚未发布，发布后才能填报进度" });
      // Issue 11: a draft is read only by its author, the department's managers and admins, so the lead
      // assigned to it is refused the page itself (before, the page opened with nothing editable).
      expect((await refusal(getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.peitao, month: 3 }, now))).code).toBe("FORBIDDEN");
      expect((await listMyTodo(f.db.prisma, f.actors.lead, now)).some((i) => i.sheetId === f.sheets.peitao)).toBe(false);
      expect((await listMySheets(f.db.prisma, f.actors.lead, now)).some((s) => s.id === f.sheets.peitao)).toBe(false);
    } finally {
      await f.db.prisma.targetSheet.update({ where: { id: f.sheets.peitao }, data: { status: "PUBLISHED" } });
    }
  });
});
