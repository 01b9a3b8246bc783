import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetLight, projectedSheetScore, rowSignal, fmt2 } from "@/lib/scoring";
import { t } from "@/lib/testing/scoring";
import { adjustBudget } from "./adjust-budget";
import { getProgress } from "./get-progress";
import { reviewMonth } from "./review-month";
import { reopenMonth } from "./reopen-month";
import { type SaveProgressInput, saveProgress } from "./save-progress";
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
const row = (i: number) => f.liangquRows[i]!;
const view = (month: number, who: keyof Fixture["actors"] = "lead") => getProgress(f.db.prisma, f.actors[who], { sheetId: f.sheets.liangqu, month }, now);
const save = (input: Omit<SaveProgressInput, "sheetId">, who: keyof Fixture["actors"] = "lead", sheetId = f.sheets.liangqu) =>
  saveProgress(f.db.prisma, f.actors[who], { sheetId, ...input }, now);
const auditCount = () => f.db.prisma.auditLog.count();

/** July as the e2e journey enters it: full-width digits, a thousands separator, a percent sign. */
const july = (): SaveProgressInput["rows"] => [
  { indicatorId: row(0).id, version: 0, value: "２" },
  { indicatorId: row(1).id, version: 0, value: "1", forecast: "3", likelihood: "有可能" },
  { indicatorId: row(2).id, version: 0, value: "2" },
  { indicatorId: row(3).id, version: 0, value: "1.75" },
  { indicatorId: row(4).id, version: 0, value: "1" },
  { indicatorId: row(5).id, version: 0, value: "100%" },
  { indicatorId: row(6).id, version: 0, value: "部分达成" },
];

describe("getProgress", () => {
  it("shows an empty month with its time progress, budget and pending lights", async () => {
    const v = await view(7);
    expect(v.monthLabel).toBe("2025年7月");
    expect(v.timeProgress).toBe("58.33%（7/12）");
    expect(v.status).toBe("DRAFT");
    expect(v.statusLabel).toBe("未填报");
    expect(v.monthVersion).toBe(0);
    expect(v.budget).toMatchObject({ total: "1600.00", adjustment: "0.00", fullYear: "1600.00", executed: null, executionRate: null });
    expect(v.budget.light).toMatchObject({ light: null, label: "待填报" });
    expect(v.rows).toHaveLength(7);
    expect(v.rows.map((r) => r.light.label)).toEqual(Array(7).fill("待填报"));
    expect(v.rows[0]).toMatchObject({
      name: "支持产业核心技术攻关项目数量",
      targetRaw: "＞=3项",
      measureType: "CUMULATIVE",
      qualitative: false,
      entry: { value: null, version: 0 },
    });
    expect(v.rows[5]).toMatchObject({ measureType: "LEVEL", percentUnit: true });
    expect(v.rows[6]).toMatchObject({ qualitative: true, targetText: "定性" });
    expect(v.sheetLight.light).toBeNull();
    // 待填报: no projected score yet (not 0.00 and 差).
    expect(v.projected).toBeNull();
    expect(v.months.map((m) => m.label)).toEqual(Array.from({ length: 12 }, (_, i) => `2025年${i + 1}月`));
    expect(v.permissions).toEqual({ edit: true, submit: true, review: false, reopen: false, configure: false });
    expect((await view(7, "manager")).permissions).toEqual({ edit: false, submit: false, review: false, reopen: false, configure: true });
  });

  it("defaults to the reporting month, and refuses unknown sheets and months out of range", async () => {
    expect((await getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu }, now)).month).toBe(12);
    const mid = await getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu }, { now: new Date("2025-07-15T04:00:00Z") });
    expect(mid.month).toBe(7);
    expect(mid.months[7]!.future).toBe(true);
    expect((await refusal(getProgress(f.db.prisma, f.actors.lead, { sheetId: 999_999, month: 7 }))).code).toBe("NOT_FOUND");
    expect((await refusal(getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 13 }))).code).toBe("INVALID");
  });
});

describe("saveProgress", () => {
  it("saves values and spending; lights and the projected score are the engine's", async () => {
    const before = await auditCount();
    const result = await save({ month: 7, rows: july(), executed: { value: "１，０００", version: 0 } });
    expect(result.saved).toBe(8);
    expect(await auditCount()).toBe(before + 8);

    const v = result.view;
    expect(v.rows.map((r) => r.entry.value)).toEqual(["2", "1", "2", "1.75", "1", "100", "部分达成"]);
    expect(v.rows[1]!.entry).toMatchObject({ forecast: "3", likelihood: "有可能", version: 1 });
    expect(v.budget).toMatchObject({ executed: "1000.00", executionRate: "62.50" });
    expect(v.statusLabel).toBe("草稿");
    expect(v.monthVersion).toBe(1);
    // The answer, built from what the writes returned, is what a fresh read shows: versions, who and when.
    expect((await view(7)).rows.map((r) => r.entry)).toEqual(v.rows.map((r) => r.entry));
    expect(v.rows[0]!.entry.updatedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    // Every row's light is exactly lib/scoring's for the same input (rule, weight and forecast included).
    const targets = ["＞=3项", "＞=3项", "＞=3人", "＞=3份", "＞=2个", "=100%"];
    const values = ["2", "1", "2", "1.75", "1", "100"];
    targets.forEach((target, i) => {
      const expected = rowSignal({
        target: t(target),
        measureType: i === 5 ? "level" : "cumulative",
        rule: i === 5 ? "直接赋分" : "按照完成比例赋分",
        weight: new Decimal([10, 5, 5, 5, 10, 15][i]!),
        current: new Decimal(values[i]!),
        forecast: i === 1 ? new Decimal(3) : null,
        month: 7,
      }).light;
      expect(v.rows[i]!.light).toEqual({ light: expected.light, label: expected.label, reason: expected.reason });
    });
    expect(v.rows[1]!.light).toMatchObject({ label: "红灯·进度滞后", reason: "完成值 1 ÷ (指标值 3 × 7/12) = 57.14% < 60%" });
    expect(v.rows[6]!.light).toMatchObject({ light: "yellow", label: "黄灯·略有滞后" });
    expect(v.rows.map((r) => r.needsExplanation)).toEqual([false, true, false, false, false, false, true]);
    expect(v.sheetLight).toMatchObject({ light: "red", label: "红灯·进度滞后" });
    const budget = budgetLight({ executed: new Decimal(1000), budget: new Decimal(1600), month: 7 });
    expect(v.budget.light).toEqual({ light: budget.light, label: budget.label, reason: budget.reason });

    const projected = projectedSheetScore({
      indicators: [
        { target: t("＞=3项"), weight: new Decimal(10), rule: "按照完成比例赋分", current: new Decimal(2) },
        { target: t("＞=3项"), weight: new Decimal(5), rule: "按照完成比例赋分", current: new Decimal(1), forecast: new Decimal(3) },
        { target: t("＞=3人"), weight: new Decimal(5), rule: "按照完成比例赋分", current: new Decimal(2) },
        { target: t("＞=3份"), weight: new Decimal(5), rule: "按照完成比例赋分", current: new Decimal("1.75") },
        { target: t("＞=2个"), weight: new Decimal(10), rule: "按照完成比例赋分", current: new Decimal(1) },
        { target: t("=100%"), weight: new Decimal(15), rule: "直接赋分", current: new Decimal(100) },
        { target: t("有效推动"), weight: new Decimal(40), rule: "按评判等级赋分", current: "部分达成" },
      ],
      budget: { total: new Decimal(1600), executed: new Decimal(1000) },
    });
    expect(v.projected!.total).toBe(fmt2(projected.total));
    expect(v.projected!.total).toBe("72.17");
    expect(v.rows.map((r) => r.projected!.score)).toEqual(projected.rows.map((r) => fmt2(r.score!)));
    expect(v.rows[1]!.projected!.explanation).toBe(projected.rows[1]!.explanation);
    expect(v.projected!.budget.score).toBe("6.25");

    expect(result.warnings).toEqual([
      "「产业核心技术攻关项目申报知识产权数量」为红灯·进度滞后，提交前需填写偏差原因和改进措施",
      "「推动产业关键核心技术攻关实现突破」为黄灯·略有滞后，提交前需填写偏差原因和改进措施",
    ]);
    // The next month shows July as the previous value.
    expect((await view(8)).rows.map((r) => r.previousValue)).toEqual(["2", "1", "2", "1.75", "1", "100", "部分达成"]);
  });

  it("writes nothing and no audit entry when nothing changed", async () => {
    const before = await auditCount();
    const current = await view(7);
    const again = await save({
      month: 7,
      rows: july().map((r, i) => ({ ...r, version: current.rows[i]!.entry.version })),
      executed: { value: "1000.00", version: current.monthVersion },
    });
    expect(again.saved).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("leaves exactly one audit entry per changed record, with before and after naming the sheet and month", async () => {
    const current = await view(7);
    const since = await f.db.prisma.auditLog.aggregate({ _max: { id: true } });
    const saved = await save({
      month: 7,
      rows: [
        {
          indicatorId: row(1).id,
          version: current.rows[1]!.entry.version,
          value: "1",
          forecast: "3",
          likelihood: "有可能",
          deviationReason: "项目评审延期",
          improvement: "加快评审进度",
        },
      ],
      executed: { value: "1,100.5", version: current.monthVersion },
    });
    expect((await view(7)).rows.map((r) => r.entry)).toEqual(saved.view.rows.map((r) => r.entry));
    const entries = await f.db.prisma.auditLog.findMany({ where: { id: { gt: since._max.id! } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.entityType, e.actorId])).toEqual([
      ["progress.save", "ProgressEntry", (f.actors.lead as { id: number }).id],
      ["progress.executed", "SheetMonth", (f.actors.lead as { id: number }).id],
    ]);
    const entry = await f.db.prisma.progressEntry.findUniqueOrThrow({ where: { indicatorId_month: { indicatorId: row(1).id, month: 7 } } });
    expect(entries[0]!.entityId).toBe(String(entry.id));
    // Stored as UTC (read back as the instant it is), whatever the database's time zone: within a minute of now.
    for (const at of [entries[0]!.createdAt, entries[1]!.createdAt, entry.updatedAt]) expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(entries[0]!.before).toMatchObject({ sheetId: f.sheets.liangqu, month: 7, indicatorId: row(1).id, value: "1", deviationReason: "", version: 1 });
    expect(entries[0]!.after).toMatchObject({
      sheetId: f.sheets.liangqu,
      month: 7,
      value: "1",
      deviationReason: "项目评审延期",
      improvement: "加快评审进度",
      likelihood: "POSSIBLE",
      version: 2,
    });
    expect(entries[1]!.before).toMatchObject({ sheetId: f.sheets.liangqu, month: 7, executed: "1000", version: 1 });
    expect(entries[1]!.after).toMatchObject({ sheetId: f.sheets.liangqu, month: 7, executed: "1100.5", version: 2 });
  });

  it("refuses what is not a number, naming the row and the text, and saves nothing", async () => {
    const before = await auditCount();
    const err = await refusal(
      save({
        month: 6,
        rows: [
          { indicatorId: row(0).id, version: 0, value: "12a" },
          { indicatorId: row(1).id, version: 0, value: "1,60" },
          { indicatorId: row(2).id, version: 0, value: "50%" },
          { indicatorId: row(3).id, version: 0, value: "1", forecast: "1.2.3" },
          { indicatorId: row(4).id, version: 0, value: "0.00001" },
          { indicatorId: row(6).id, version: 0, value: "完成" },
        ],
        executed: { value: "-5", version: 0 },
      }),
    );
    expect(err.code).toBe("INVALID");
    expect(err.problems).toEqual([
      { path: `indicators.${row(0).id}.value`, message: "「支持产业核心技术攻关项目数量」实际完成值（截至6月）：「12a」不是有效的数字" },
      {
        path: `indicators.${row(1).id}.value`,
        message: "「产业核心技术攻关项目申报知识产权数量」实际完成值（截至6月）：「1,60」不是有效的数字：千位分隔符应每三位一个，如 1,600.50",
      },
      {
        path: `indicators.${row(2).id}.value`,
        message: "「产业核心技术攻关项目培养研发人员、研究生等的数量」实际完成值（截至6月）：「50%」不是有效的数字：此处不能带百分号",
      },
      {
        path: `indicators.${row(3).id}.forecast`,
        message: "「产业核心技术攻关项目形成中期检查报告」全年预计完成值：「1.2.3」不是有效的数字：只能有一个小数点",
      },
      { path: `indicators.${row(4).id}.value`, message: "「支持重点产业领域数量」实际完成值（截至6月）：最多保留 4 位小数（「0.00001」）" },
      {
        path: `indicators.${row(6).id}.value`,
        message: "「推动产业关键核心技术攻关实现突破」是定性指标，完成情况只能是 达成、部分达成 或 未达成（收到「完成」）",
      },
      { path: "executed", message: "执行数（截至6月，万元）：不能为负数" },
    ]);
    expect(await auditCount()).toBe(before);
    expect(await f.db.prisma.progressEntry.count({ where: { month: 6 } })).toBe(0);
  });

  it("refuses a row of another sheet and a month that has not begun", async () => {
    const other = await f.db.prisma.indicator.findFirstOrThrow({ where: { sheetId: f.sheets.peitao } });
    const err = await refusal(save({ month: 6, rows: [{ indicatorId: other.id, version: 0, value: "1" }] }));
    expect(err.code).toBe("INVALID");
    expect(err.problems[0]!.message).toContain("不属于该绩效目标表");
    const early = await refusal(
      saveProgress(
        f.db.prisma,
        f.actors.lead,
        { sheetId: f.sheets.liangqu, month: 8, rows: [{ indicatorId: row(0).id, version: 0, value: "1" }] },
        { now: new Date("2025-07-20T04:00:00Z") },
      ),
    );
    expect(early.code).toBe("INVALID");
    expect(early.message).toBe("2025年8月尚未到来，还不能填报");
  });

  it("refuses a save based on a stale version, saying what changed, and saves none of the request", async () => {
    await save({ month: 5, rows: [{ indicatorId: row(0).id, version: 0, value: "1" }] });
    const before = await auditCount();
    const err = await refusal(
      save({
        month: 5,
        rows: [
          { indicatorId: row(0).id, version: 0, value: "2" },
          { indicatorId: row(2).id, version: 0, value: "3" },
        ],
      }),
    );
    expect(err.code).toBe("CONFLICT");
    expect(err.problems).toEqual([
      { path: `indicators.${row(0).id}`, message: "「支持产业核心技术攻关项目数量」已被他人修改：实际完成值现为 1（你修改前为 空）" },
    ]);
    expect(await auditCount()).toBe(before);
    expect(await f.db.prisma.progressEntry.count({ where: { month: 5, indicatorId: row(2).id } })).toBe(0);

    // Based on version 1, another user then changes it to 2; a save based on version 1 shows 2 against 1.
    await save({ month: 5, rows: [{ indicatorId: row(0).id, version: 1, value: "2", deviationReason: "进度正常" }] });
    const stale = await refusal(save({ month: 5, rows: [{ indicatorId: row(0).id, version: 1, value: "3" }] }));
    expect(stale.problems[0]!.message).toBe(
      "「支持产业核心技术攻关项目数量」已被他人修改：实际完成值现为 2（你修改前为 1）；偏差原因现为 “进度正常”（你修改前为 空）",
    );

    const spending = await save({ month: 5, rows: [], executed: { value: "10", version: 0 } });
    expect(spending.saved).toBe(1);
    const staleSpending = await refusal(save({ month: 5, rows: [], executed: { value: "20", version: 0 } }));
    expect(staleSpending.problems).toEqual([{ path: "executed", message: "「执行数（2025年5月）」已被他人修改：执行数现为 10（你修改前为 空）" }]);
  });

  it("lets exactly one of two concurrent saves of the same row win; the other gets a conflict", async () => {
    const attempt = (value: string, version: number) => save({ month: 4, rows: [{ indicatorId: row(0).id, version, value }] });
    const first = await Promise.allSettled([attempt("1", 0), attempt("2", 0)]);
    expect(first.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = first.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "CONFLICT" });

    const second = await Promise.allSettled([attempt("3", 1), attempt("4", 1)]);
    expect(second.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((second.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });

    const entry = await f.db.prisma.progressEntry.findUniqueOrThrow({ where: { indicatorId_month: { indicatorId: row(0).id, month: 4 } } });
    expect(entry.version).toBe(2);
    expect(await f.db.prisma.auditLog.count({ where: { entityType: "ProgressEntry", entityId: String(entry.id) } })).toBe(2);

    // Concurrent spending on a month without a record yet: one creates it, the other is refused.
    const spend = await Promise.allSettled([
      save({ month: 4, rows: [], executed: { value: "5", version: 0 } }),
      save({ month: 4, rows: [], executed: { value: "6", version: 0 } }),
    ]);
    expect(spend.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((spend.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a lead of another sheet, and every other role, writing nothing", async () => {
    const before = await auditCount();
    for (const who of ["lead2", "manager", "admin", "evaluator"] as const) {
      expect((await refusal(save({ month: 3, rows: [{ indicatorId: row(0).id, version: 0, value: "1" }] }, who))).code).toBe("FORBIDDEN");
    }
    const kepuRow = await f.db.prisma.indicator.findFirstOrThrow({ where: { sheetId: f.sheets.kepu } });
    expect((await refusal(save({ month: 3, rows: [{ indicatorId: kepuRow.id, version: 0, value: "1" }] }, "lead", f.sheets.kepu))).code).toBe("FORBIDDEN");
    expect((await refusal(getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.kepu, month: 3 }))).code).toBe("FORBIDDEN");
    expect((await refusal(submitMonth(f.db.prisma, f.actors.lead, { sheetId: f.sheets.kepu, month: 3, version: 0 }, now))).code).toBe("FORBIDDEN");
    expect((await refusal(adjustBudget(f.db.prisma, f.actors.lead, { sheetId: f.sheets.kepu, month: 3, amount: "1", reason: "x" }, now))).code).toBe(
      "FORBIDDEN",
    );
    expect(await auditCount()).toBe(before);
  });
});

describe("locking", () => {
  it("refuses leads' changes to a submitted or approved month until it is returned or reopened", async () => {
    const month = 2;
    const filled = await save({
      month,
      rows: f.liangquRows.map((r, i) => ({ indicatorId: r.id, version: 0, value: i === 5 ? "100" : i === 6 ? "达成" : "1" })),
      executed: { value: "300", version: 0 },
    });
    expect(filled.view.rows.every((r) => r.light.light === "blue" || r.light.light === "green")).toBe(true);
    // Blue rows (ahead of schedule) are not green: they need an explanation too.
    const blue = filled.view.rows.filter((r) => r.needsExplanation);
    expect(blue.length).toBeGreaterThan(0);
    const explain = await save({
      month,
      rows: blue.map((r) => ({
        indicatorId: r.indicatorId,
        version: r.entry.version,
        value: r.entry.value,
        deviationReason: "目标偏保守",
        improvement: "下年度调高目标",
      })),
    });
    const submitted = await submitMonth(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month, version: explain.view.monthVersion }, now);
    expect(submitted).toMatchObject({ status: "SUBMITTED", locked: true, statusLabel: "已提交" });
    expect(submitted.permissions.edit).toBe(false);

    const change = async () => save({ month, rows: [{ indicatorId: row(0).id, version: (await view(month)).rows[0]!.entry.version, value: "2" }] });
    expect((await refusal(change())).code).toBe("LOCKED");
    expect((await refusal(change())).message).toBe("2025年2月已提交，已锁定，不能修改");
    expect((await refusal(adjustBudget(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month, amount: "10", reason: "追加" }, now))).code).toBe(
      "LOCKED",
    );
    expect((await refusal(submitMonth(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month, version: submitted.monthVersion }, now))).code).toBe(
      "LOCKED",
    );

    const approved = await reviewMonth(
      f.db.prisma,
      f.actors.manager,
      { sheetId: f.sheets.liangqu, month, version: submitted.monthVersion, decision: "approve" },
      now,
    );
    expect(approved).toMatchObject({ status: "APPROVED", statusLabel: "已通过", locked: true });
    expect((await refusal(change())).message).toBe("2025年2月已通过，已锁定，不能修改");

    const reopened = await reopenMonth(
      f.db.prisma,
      f.actors.manager,
      { sheetId: f.sheets.liangqu, month, version: approved.monthVersion, reason: "数据需更正" },
      now,
    );
    expect(reopened).toMatchObject({ status: "RETURNED", reviewComment: "数据需更正", locked: false });
    expect((await change()).saved).toBe(1);
  });
});
