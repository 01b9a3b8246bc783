import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditMark } from "@/lib/testing/audit";
import type { Actor } from "@/lib/auth/actor";
import { scoreInput } from "@/lib/scoring/score-input";
import { loadEvaluationData } from "./evaluation-data";
import { finaliseEvaluation } from "./finalise-evaluation";
import { getEvaluation } from "./get-evaluation";
import { listEvaluations } from "./list-evaluations";
import { reopenEvaluation } from "./reopen-evaluation";
import { saveEvaluation } from "./save-evaluation";
import { saveSelfEvaluation } from "./save-self-evaluation";
import { submitSelfEvaluation } from "./submit-self-evaluation";
import { toScoreInputDocument } from "./score-input-document";
import { createFixture, type Fixture, outcome, refusal, resetEvaluations, typedRows, type UserKey } from "@/lib/testing/evaluation-fixtures";

let f: Fixture;
let outsider: Actor;

beforeAll(async () => {
  f = await createFixture();
  // An evaluator with no assignment: may read every sheet, evaluate none.
  const user = await f.db.prisma.user.create({ data: { username: "evaluator2", displayName: "未分配评价人", passwordHash: "x", role: "EVALUATOR" } });
  outsider = { kind: "user", id: user.id, role: "EVALUATOR", departmentId: null, displayName: user.displayName };
});
afterAll(async () => {
  await f?.db.close();
});
beforeEach(async () => {
  await resetEvaluations(f.db);
});

const evaluation = (kind: "EVALUATOR" | "SELF" = "EVALUATOR") =>
  f.db.prisma.evaluation.findUnique({ where: { sheetId_kind: { sheetId: f.sheetId, kind } }, include: { rows: true } });

/** The evaluator's complete, finalisable evaluation of the 两区 sheet (total 90.05, 优). */
async function saveComplete(version = 0) {
  return saveEvaluation(f.db.prisma, f.actors.evaluator, {
    sheetId: f.sheetId,
    version,
    executed: "1,500",
    rows: typedRows(f, { 4: { deviationReason: "指标值设定偏低，已扣分；下年度按实际能力调高" } }),
  });
}

/** The `score` command's answer for the evaluation as stored. */
async function scoreCommand(kind: "EVALUATOR" | "SELF" = "EVALUATOR") {
  const data = await loadEvaluationData(f.db.prisma, f.sheetId);
  const result = scoreInput(JSON.stringify(toScoreInputDocument(data, data.evaluations[kind])));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.output.sheets[0]!;
}

describe("who may do what", () => {
  const cases: [string, UserKey | "outsider", Record<"save" | "self" | "finalise" | "reopen" | "read", string>][] = [
    ["admin", "admin", { save: "FORBIDDEN", self: "FORBIDDEN", finalise: "FORBIDDEN", reopen: "FORBIDDEN", read: "OK" }],
    ["manager of the department", "manager", { save: "FORBIDDEN", self: "FORBIDDEN", finalise: "FORBIDDEN", reopen: "OK", read: "OK" }],
    ["the sheet's lead", "lead", { save: "FORBIDDEN", self: "OK", finalise: "FORBIDDEN", reopen: "FORBIDDEN", read: "OK" }],
    ["another lead", "lead2", { save: "FORBIDDEN", self: "FORBIDDEN", finalise: "FORBIDDEN", reopen: "FORBIDDEN", read: "FORBIDDEN" }],
    ["the assigned evaluator", "evaluator", { save: "OK", self: "FORBIDDEN", finalise: "OK", reopen: "FORBIDDEN", read: "OK" }],
    // Evaluators read only the sheets they are assigned to (issue 11).
    ["an unassigned evaluator", "outsider", { save: "FORBIDDEN", self: "FORBIDDEN", finalise: "FORBIDDEN", reopen: "FORBIDDEN", read: "FORBIDDEN" }],
  ];
  it.each(cases)("%s", async (_, who, expected) => {
    const actor = who === "outsider" ? outsider : f.actors[who];
    const prisma = f.db.prisma;
    const input = { sheetId: f.sheetId, version: 0, executed: "1500", rows: typedRows(f) };
    expect(await outcome(saveEvaluation(prisma, actor, input))).toBe(expected.save);
    expect(await outcome(saveSelfEvaluation(prisma, actor, { ...input, rows: typedRows(f, { 4: { deductionPoints: "", deductionReason: "" } }) }))).toBe(
      expected.self,
    );
    expect(await outcome(getEvaluation(prisma, actor, { sheetId: f.sheetId }))).toBe(expected.read);

    // Finalising needs a complete draft; reopening a final evaluation.
    await resetEvaluations(f.db);
    await saveComplete();
    expect(await outcome(finaliseEvaluation(prisma, actor, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" }))).toBe(expected.finalise);
    if (expected.finalise !== "OK")
      await finaliseEvaluation(prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
    expect(await outcome(reopenEvaluation(prisma, actor, { sheetId: f.sheetId, version: 2, reason: "复核" }))).toBe(expected.reopen);
  });

  it("gives the page's mode by role", async () => {
    const mode = async (actor: Actor) => (await getEvaluation(f.db.prisma, actor, { sheetId: f.sheetId })).mode;
    expect(await mode(f.actors.evaluator)).toBe("evaluator");
    expect(await mode(f.actors.lead)).toBe("self");
    expect(await mode(f.actors.manager)).toBe("readonly");
    expect(await mode(f.actors.admin)).toBe("readonly");
    expect(await outcome(mode(outsider))).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND for a sheet that does not exist, before anything else", async () => {
    const input = { sheetId: 999_999, version: 0, rows: [] };
    expect(await outcome(getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: 999_999 }))).toBe("NOT_FOUND");
    expect(await outcome(saveEvaluation(f.db.prisma, f.actors.evaluator, input))).toBe("NOT_FOUND");
    expect(await outcome(saveSelfEvaluation(f.db.prisma, f.actors.lead, input))).toBe("NOT_FOUND");
    expect(await outcome(finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: 999_999, version: 0, earlyReason: "负责人未按期提交自评" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: 999_999, version: 0, reason: "x" }))).toBe("NOT_FOUND");
  });
});

describe("saving", () => {
  it("stores what was typed: full-width digits, thousands separators, percentages, bands", async () => {
    const result = await saveComplete();
    expect(result).toMatchObject({ version: 1, saved: 8 });
    const stored = await evaluation();
    expect(stored).toMatchObject({ kind: "EVALUATOR", status: "DRAFT", version: 1 });
    expect(stored!.executed!.toString()).toBe("1500");
    const byId = new Map(stored!.rows.map((r) => [r.indicatorId, r]));
    expect(byId.get(f.rows[2]!.id)!.actual!.toString()).toBe("4");
    expect(byId.get(f.rows[5]!.id)!.actual!.toString()).toBe("100");
    expect(byId.get(f.rows[6]!.id)).toMatchObject({ band: "ACHIEVED", actual: null });
    expect(byId.get(f.rows[6]!.id)!.gradeScore!.toString()).toBe("36");
    expect(byId.get(f.rows[4]!.id)).toMatchObject({ deductionReason: "指标值设定偏低" });
  });

  it("refuses a score outside its band, on the server, and stores nothing", async () => {
    const error = await refusal(
      saveEvaluation(f.db.prisma, f.actors.evaluator, {
        sheetId: f.sheetId,
        version: 0,
        rows: typedRows(f, { 6: { band: "达成年度指标", gradeScore: "20" } }),
      }),
    );
    expect(error.code).toBe("INVALID");
    expect(error.problems).toEqual([
      {
        path: `rows.${f.rows[6]!.id}.gradeScore`,
        message: "「推动产业关键核心技术攻关实现突破」评分 20.00 不在「达成年度指标」的区间内（32.00 ≤ 评分 ≤ 40.00）",
      },
    ]);
    expect(await evaluation()).toBeNull();
  });

  it.each([
    ["部分达成年度指标并具有一定效果", "32", false], // the upper bound belongs to the band above
    ["部分达成年度指标并具有一定效果", "31.99", true],
    ["达成年度指标", "32", true],
    ["达成年度指标", "40.01", false],
    ["未达成年度指标且效果较差", "0", true],
    ["未达成年度指标且效果较差", "-1", false],
  ])("band %s with %s points: accepted %s", async (band, gradeScore, accepted) => {
    const work = saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 0, rows: typedRows(f, { 6: { band, gradeScore } }) });
    expect(await outcome(work)).toBe(accepted ? "OK" : "INVALID");
  });

  it("refuses a band without a score, a score without a band, and a grade on a formula row", async () => {
    const error = await refusal(
      saveEvaluation(f.db.prisma, f.actors.evaluator, {
        sheetId: f.sheetId,
        version: 0,
        rows: typedRows(f, { 6: { band: "达成年度指标", gradeScore: "" }, 0: { band: "达成年度指标", gradeScore: "9" } }),
      }),
    );
    expect(error.problems.map((p) => p.path)).toEqual([`rows.${f.rows[0]!.id}.gradeScore`, `rows.${f.rows[6]!.id}.gradeScore`]);
    expect(error.problems[1]!.message).toContain("请填写评分（32.00 ≤ 评分 ≤ 40.00）");
  });

  it("refuses a deduction without a reason, a reason without points, more points than the weight, and a lead's deduction", async () => {
    const save = (rows: Parameters<typeof typedRows>[1]) =>
      refusal(saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 0, rows: typedRows(f, rows) }));
    const id = f.rows[4]!.id;
    expect((await save({ 4: { deductionPoints: "2", deductionReason: "  " } })).problems).toEqual([
      { path: `rows.${id}.deductionReason`, message: "「支持重点产业领域数量」扣分必须填写原因" },
    ]);
    expect((await save({ 4: { deductionPoints: "", deductionReason: "偏低" } })).problems[0]!.path).toBe(`rows.${id}.deductionPoints`);
    expect((await save({ 4: { deductionPoints: "10.5" } })).problems[0]!.message).toContain("不能超过该指标分值 10.00");
    expect((await save({ 4: { deductionPoints: "-1" } })).problems[0]!.message).toContain("不能为负数");
    const lead = await refusal(saveSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 0, rows: typedRows(f) }));
    expect(lead.problems).toEqual([{ path: `rows.${id}.deductionPoints`, message: "「支持重点产业领域数量」自评不设扣分，扣分由评价人认定" }]);
    expect(await f.db.prisma.evaluation.count()).toBe(0);
  });

  it("refuses what is not a number, and says which field", async () => {
    const error = await refusal(
      saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 0, executed: "一千", rows: typedRows(f, { 0: { actual: "1,60" } }) }),
    );
    expect(error.problems.map((p) => p.path)).toEqual([`rows.${f.rows[0]!.id}.actual`, "executed"]);
    expect(error.problems[0]!.message).toContain("千位分隔符");
  });

  it("refuses a save based on a stale version (CONFLICT) and a repeated save writes nothing", async () => {
    await saveComplete();
    expect(await outcome(saveComplete(0))).toBe("CONFLICT");
    const mark = await auditMark(f.db.prisma);
    expect(await saveComplete(1)).toMatchObject({ saved: 0, version: 1 });
    expect(await mark()).toHaveLength(0);
  });

  it("leaves rows that are not sent as they are", async () => {
    await saveComplete();
    await saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, rows: [{ indicatorId: f.rows[1]!.id, actual: "2" }] });
    const stored = await evaluation();
    expect(stored!.rows).toHaveLength(7);
    expect(stored!.executed!.toString()).toBe("1500");
    expect(stored!.version).toBe(2);
  });
});

describe("unpublished sheets", () => {
  it("are not evaluated until published", async () => {
    await f.db.prisma.targetSheet.update({ where: { id: f.sheetId }, data: { status: "SUBMITTED" } });
    try {
      const error = await refusal(saveComplete());
      expect(error).toMatchObject({ code: "INVALID", message: "该绩效目标表尚未发布，发布后才能进行年终评价" });
      // A draft is not the evaluator's to read yet, though they are assigned to it.
      expect(await outcome(getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId }))).toBe("FORBIDDEN");
      expect((await getEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId })).can.write).toBe(false);
      expect((await listEvaluations(f.db.prisma, f.actors.evaluator)).rows.map((r) => r.sheetId)).not.toContain(f.sheetId);
    } finally {
      await f.db.prisma.targetSheet.update({ where: { id: f.sheetId }, data: { status: "PUBLISHED" } });
    }
  });
});

describe("the list (待评价)", () => {
  it("shows each role its sheets with the evaluation's state and score", async () => {
    const list = async (actor: Actor) => (await listEvaluations(f.db.prisma, actor)).rows;
    const evaluatorRows = await list(f.actors.evaluator);
    expect(evaluatorRows).toHaveLength(14);
    expect(evaluatorRows.every((r) => r.role === "evaluator" && r.state === "NONE")).toBe(true);
    const leadRows = await list(f.actors.lead);
    expect(leadRows.map((r) => r.lead)).toEqual(leadRows.map(() => "冯先生"));
    expect(leadRows.every((r) => r.role === "lead")).toBe(true);
    expect(leadRows.map((r) => r.sheetId)).toContain(f.sheetId);
    expect((await list(f.actors.lead2)).map((r) => r.sheetId)).not.toContain(f.sheetId);
    expect((await list(f.actors.manager)).every((r) => r.role === "viewer")).toBe(true);
    expect(await list(outsider)).toEqual([]);

    await saveComplete();
    expect((await list(f.actors.evaluator)).find((r) => r.sheetId === f.sheetId)).toMatchObject({ state: "DRAFT", total: "90.05", complete: true });
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
    expect((await list(f.actors.manager)).find((r) => r.sheetId === f.sheetId)).toMatchObject({
      state: "FINAL",
      total: "90.05",
      grade: "优",
      selfState: "NONE",
    });
  });

  it("shows the year's 自评 and 年终评价 deadlines, and 逾期 on what is not final once they have passed", async () => {
    await saveComplete();
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
    const at = (iso: string) => listEvaluations(f.db.prisma, f.actors.evaluator, { year: 2025 }, new Date(`${iso}+08:00`));
    const before = await at("2026-01-28T12:00:00");
    expect(before.deadlines).toEqual({
      selfEvaluation: { due: "2026-01-31 23:59", countdown: "还剩3天", past: false },
      evaluation: { due: "2026-02-28 23:59", countdown: "还剩31天", past: false },
    });
    expect(before.rows.some((r) => r.overdue || r.selfOverdue)).toBe(false);
    // 00:00 Beijing time on 1 February: the 自评 is late on every sheet (none submitted); the evaluations are not yet.
    const self = await at("2026-02-01T00:00:00");
    expect(self.deadlines!.selfEvaluation).toMatchObject({ past: true, countdown: "已逾期1天" });
    expect(self.rows.every((r) => r.selfOverdue && !r.overdue)).toBe(true);
    const after = await at("2026-03-01T00:00:00");
    expect(after.rows.filter((r) => r.overdue).map((r) => r.sheetId)).toHaveLength(13);
    expect(after.rows.find((r) => r.sheetId === f.sheetId)).toMatchObject({ state: "FINAL", overdue: false, selfOverdue: true });
  });
});

describe("audit", () => {
  it("records each change with before and after, naming the sheet", async () => {
    let mark = await auditMark(f.db.prisma);
    await saveComplete();
    let entries = await mark();
    expect(entries).toHaveLength(8);
    expect(entries[0]).toMatchObject({
      action: "evaluation.write",
      entityType: "Evaluation",
      before: null,
      after: { sheetId: f.sheetId, kind: "EVALUATOR", executed: "1500", status: "DRAFT" },
    });
    expect(entries.slice(1).every((e) => e.entityType === "EvaluationRow" && (e.after as { sheetId: number }).sheetId === f.sheetId)).toBe(true);

    mark = await auditMark(f.db.prisma);
    await saveEvaluation(f.db.prisma, f.actors.evaluator, {
      sheetId: f.sheetId,
      version: 1,
      rows: [{ indicatorId: f.rows[6]!.id, band: "部分达成年度指标并具有一定效果", gradeScore: "30" }],
    });
    entries = await mark();
    expect(entries).toHaveLength(1);
    const row = (await evaluation())!.rows.find((r) => r.indicatorId === f.rows[6]!.id)!;
    expect(entries[0]).toMatchObject({
      action: "evaluation.write",
      entityType: "EvaluationRow",
      entityId: String(row.id),
      actorId: (f.actors.evaluator as { id: number }).id,
      before: { sheetId: f.sheetId, indicatorId: f.rows[6]!.id, band: "ACHIEVED", gradeScore: "36", version: 1 },
      after: { sheetId: f.sheetId, indicatorId: f.rows[6]!.id, band: "PARTIAL", gradeScore: "30", version: 2 },
    });

    mark = await auditMark(f.db.prisma);
    await saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 2, rows: typedRows(f, { 4: { deviationReason: "已扣分" } }) });
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 3, earlyReason: "负责人未按期提交自评" });
    await reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 4, reason: "佐证资料不全，需补充" });
    entries = await mark();
    const finalise = entries.find((e) => e.action === "evaluation.finalise")!;
    expect(finalise).toMatchObject({
      entityType: "Evaluation",
      before: { sheetId: f.sheetId, status: "DRAFT", total: null },
      after: { sheetId: f.sheetId, status: "FINAL", total: "90.05", grade: "优" },
    });
    const reopen = entries.find((e) => e.action === "evaluation.reopen")!;
    expect(reopen).toMatchObject({
      actorId: (f.actors.manager as { id: number }).id,
      before: { status: "FINAL", total: "90.05", grade: "优", reopenReason: "" },
      after: { status: "DRAFT", total: null, grade: null, reopenReason: "佐证资料不全，需补充" },
    });
  });
});

describe("finalising", () => {
  it("is refused, listing every row, while values, grades, deviation reasons or 全年执行数 are missing", async () => {
    await saveEvaluation(f.db.prisma, f.actors.evaluator, {
      sheetId: f.sheetId,
      version: 0,
      rows: typedRows(f, { 0: { deviationReason: "" }, 3: { actual: "" }, 6: { band: "", gradeScore: "" } }),
    });
    const error = await refusal(finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" }));
    expect(error.code).toBe("INVALID");
    expect(error.problems).toEqual([
      { path: `rows.${f.rows[0]!.id}.deviationReason`, message: "「支持产业核心技术攻关项目数量」得分 6.67 低于分值 10.00，请填写偏差原因分析及改进措施" },
      { path: `rows.${f.rows[3]!.id}.actual`, message: "「产业核心技术攻关项目形成中期检查报告」缺少实际完成值" },
      { path: `rows.${f.rows[4]!.id}.deviationReason`, message: "「支持重点产业领域数量」得分 8.00 低于分值 10.00，请填写偏差原因分析及改进措施" },
      { path: `rows.${f.rows[6]!.id}.band`, message: "「推动产业关键核心技术攻关实现突破」缺少评判等级" },
      { path: "executed", message: "预算执行率：缺少全年执行数" },
    ]);
    expect((await evaluation())!.status).toBe("DRAFT");
  });

  it("is refused before anything was saved", async () => {
    expect(await outcome(finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 0, earlyReason: "负责人未按期提交自评" }))).toBe(
      "INVALID",
    );
  });

  it("records the engine's total and grade: the same as the score command for the same values", async () => {
    await saveComplete();
    const result = await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
    const command = await scoreCommand();
    expect(command.complete).toBe(true);
    expect(result).toEqual({ total: command.total, grade: command.grade, version: 2 });
    expect(result).toMatchObject({ total: "90.05", grade: "优" });
    const stored = await evaluation();
    expect(stored).toMatchObject({ status: "FINAL", grade: "优", finalisedById: (f.actors.evaluator as { id: number }).id });
    expect(stored!.total!.toFixed(2)).toBe("90.05");
    expect(stored!.finalisedAt).toBeInstanceOf(Date);
    const view = await getEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId });
    expect(view.result).toMatchObject({ total: command.total, grade: command.grade, complete: true });
    expect(view.rows.map((r) => r.score.score)).toEqual(command.indicators.map((i) => i.score));
    expect(view.budget).toMatchObject({ rate: command.budgetExecution.rate, score: command.budgetExecution.score });
  });

  it("agrees with the score command with a budget adjustment and an unfinished self-evaluation too", async () => {
    await f.db.prisma.budgetAdjustment.create({ data: { sheetId: f.sheetId, month: 9, amount: "-100", reason: "调减" } });
    await saveComplete();
    const result = await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
    const command = await scoreCommand();
    expect(command.budgetExecution).toEqual({ max: "10.00", rate: "100.00", score: "10.00" });
    expect(result).toMatchObject({ total: command.total, grade: command.grade });
    expect(result.total).toBe("90.67");
  });

  it("locks the evaluation: no change until a manager reopens it with a reason", async () => {
    await saveComplete();
    await saveSelfEvaluation(f.db.prisma, f.actors.lead, {
      sheetId: f.sheetId,
      version: 0,
      executed: "1500",
      rows: [{ indicatorId: f.rows[0]!.id, actual: "3" }],
    });
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });

    expect(await outcome(saveComplete(2))).toBe("LOCKED");
    expect(await outcome(finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 2, earlyReason: "负责人未按期提交自评" }))).toBe(
      "LOCKED",
    );
    expect(
      await outcome(saveSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 1, rows: [{ indicatorId: f.rows[0]!.id, actual: "2" }] })),
    ).toBe("LOCKED");
    const view = await getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId });
    expect(view.can).toEqual({ write: false, finalise: false, submit: false, reopen: false, reopenSelf: false });
    expect((await getEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId })).can.reopen).toBe(true);

    const noReason = await refusal(reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 2, reason: "   " }));
    expect(noReason.problems).toEqual([{ path: "reason", message: "请填写重新开放的原因" }]);
    expect(await outcome(reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 1, reason: "复核" }))).toBe("CONFLICT");
    expect((await evaluation())!.status).toBe("FINAL");

    await reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 2, reason: "佐证资料不全，需补充" });
    const reopened = await evaluation();
    expect(reopened).toMatchObject({ status: "DRAFT", reopenReason: "佐证资料不全，需补充", total: null, grade: null, version: 3 });
    expect(await outcome(reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 3, reason: "再次" }))).toBe("INVALID");
    expect(await outcome(saveComplete(3))).toBe("OK");
    expect(
      await outcome(saveSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 1, rows: [{ indicatorId: f.rows[0]!.id, actual: "2" }] })),
    ).toBe("OK");
  });
});

describe("the page's view", () => {
  it("prefills actuals and 全年执行数 from December, else the latest month reported", async () => {
    const [r0, r1] = f.rows;
    await f.db.prisma.progressEntry.createMany({
      data: [
        { indicatorId: r0!.id, month: 11, value: "2" },
        { indicatorId: r0!.id, month: 12, value: "3" },
        { indicatorId: r1!.id, month: 7, value: "1" },
        { indicatorId: r1!.id, month: 9, value: "2" },
        { indicatorId: f.rows[6]!.id, month: 12, qualitativeValue: "PARTIAL" },
      ],
    });
    await f.db.prisma.sheetMonth.createMany({
      data: [
        { sheetId: f.sheetId, month: 10, executed: "1200" },
        { sheetId: f.sheetId, month: 11, executed: "1300.5" },
      ],
    });
    await f.db.prisma.budgetAdjustment.createMany({
      data: [
        { sheetId: f.sheetId, month: 6, amount: "200", reason: "追加" },
        { sheetId: f.sheetId, month: 8, amount: "-50", reason: "调减" },
      ],
    });

    const view = await getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId });
    expect(view.rows[0]).toMatchObject({ values: { actual: "3" }, saved: { actual: "" }, prefilledFrom: 12 });
    expect(view.rows[1]).toMatchObject({ values: { actual: "2" }, prefilledFrom: 9, completion: "66.67" });
    expect(view.rows[2]).toMatchObject({ values: { actual: "" }, prefilledFrom: null });
    expect(view.rows[6]!.progress).toEqual([{ month: 12, text: "部分达成" }]);
    expect(view.rows[1]!.progress).toEqual([
      { month: 7, text: "1项" },
      { month: 9, text: "2项" },
    ]);
    expect(view.budget).toMatchObject({
      initial: "1600.00",
      adjustment: "150.00",
      fullYear: "1750.00",
      executed: "1300.5",
      savedExecuted: "",
      prefilledFrom: 11,
      weight: "10.00",
    });
    expect(view.rows[0]!.score).toMatchObject({ status: "scored", score: "10.00" });
    expect(view.rows[6]!.score.status).toBe("pending");
    expect(view.result.complete).toBe(false);

    // Stored values win over progress; a manager (read only) sees nothing prefilled.
    await saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 0, executed: "1400", rows: [{ indicatorId: r0!.id, actual: "2" }] });
    const after = await getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId });
    expect(after.rows[0]).toMatchObject({ values: { actual: "2" }, prefilledFrom: null, missingDeviationReason: true });
    expect(after.budget).toMatchObject({ executed: "1400", prefilledFrom: null });
    const manager = await getEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId });
    expect(manager.rows[1]).toMatchObject({ values: { actual: "" }, prefilledFrom: null });
  });

  it("shows bands with their ranges, flags over-achievement and explains each score", async () => {
    await saveComplete();
    const view = await getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId });
    expect(view.rows[6]!.bands).toEqual([
      { band: "达成年度指标", min: "32.00", max: "40.00", maxInclusive: true, range: "32.00–40.00" },
      { band: "部分达成年度指标并具有一定效果", min: "24.00", max: "32.00", maxInclusive: false, range: "24.00–32.00" },
      { band: "未达成年度指标且效果较差", min: "0.00", max: "24.00", maxInclusive: false, range: "0.00–24.00" },
    ]);
    expect(view.rows[0]!.bands).toBeNull();
    expect(view.rows[4]!.score).toMatchObject({ overAchieved: true, baseScore: "10.00", deduction: "2.00", score: "8.00" });
    expect(view.rows[4]!.score.explanation).toContain("扣分 2.00（原因：指标值设定偏低）");
    expect(view.rows[0]!.score.explanation).toBe("完成值 2 / 指标值 3 × 10 = 6.67");
    expect(view.finaliseProblems).toEqual([]);
    expect(view.can).toEqual({ write: true, finalise: true, submit: false, reopen: false, reopenSelf: false });
  });

  it("puts the lead's self-score beside the evaluator's, and the evaluator's beside the lead's once final", async () => {
    await saveSelfEvaluation(f.db.prisma, f.actors.lead, {
      sheetId: f.sheetId,
      version: 0,
      executed: "1600",
      rows: typedRows(f, { 0: { actual: "3" }, 4: { deductionPoints: "", deductionReason: "" }, 6: { band: "达成年度指标", gradeScore: "40" } }),
    });
    await saveComplete();
    const evaluator = await getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId });
    expect(evaluator.beside).toMatchObject({ kind: "SELF", state: "DRAFT", total: "100.00", grade: "优", complete: true });
    expect(evaluator.rows[6]!.beside).toMatchObject({ band: "达成年度指标", gradeScore: "40", score: { score: "40.00" } });
    expect(evaluator.result.total).toBe("90.05");

    const lead = await getEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId });
    expect(lead).toMatchObject({ mode: "self", kind: "SELF", beside: null, result: { total: "100.00" } });
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "负责人未按期提交自评" });
    const leadAfter = await getEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId });
    expect(leadAfter.beside).toMatchObject({ kind: "EVALUATOR", state: "FINAL", total: "90.05" });
    expect(leadAfter.can.write).toBe(false);
    expect((await scoreCommand("SELF")).total).toBe("100.00");
  });
});

describe("定稿 before the lead's 自评 is submitted", () => {
  /** The lead's complete 自评 of the 两区 sheet (no deductions: those are the evaluator's). */
  const saveSelf = (version = 0) =>
    saveSelfEvaluation(f.db.prisma, f.actors.lead, {
      sheetId: f.sheetId,
      version,
      executed: "1600",
      rows: typedRows(f, { 4: { deductionPoints: "", deductionReason: "" }, 6: { band: "达成年度指标", gradeScore: "40" } }),
    });

  it("is refused without a reason, naming the field, and nothing changes", async () => {
    await saveComplete();
    await saveSelf();
    const mark = await auditMark(f.db.prisma);
    const error = await refusal(finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "   " }));
    expect(error.code).toBe("INVALID");
    expect(error.problems).toEqual([{ path: "earlyReason", message: "负责人尚未提交自评：如需现在定稿，请填写提前定稿的原因" }]);
    expect((await evaluation())!.status).toBe("DRAFT");
    expect(await mark()).toHaveLength(0);
  });

  it("lists the missing reason with the rows' problems", async () => {
    await saveEvaluation(f.db.prisma, f.actors.evaluator, {
      sheetId: f.sheetId,
      version: 0,
      executed: "1500",
      rows: typedRows(f, { 0: { deviationReason: "" } }),
    });
    const error = await refusal(finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1 }));
    expect(error.problems.map((p) => p.path)).toEqual([`rows.${f.rows[0]!.id}.deviationReason`, `rows.${f.rows[4]!.id}.deviationReason`, "earlyReason"]);
  });

  it("with a reason: stores it with the evaluation, audits it, and the view shows it; a reopening clears it", async () => {
    await saveComplete();
    const mark = await auditMark(f.db.prisma);
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "  负责人长期出差，已电话确认  " });
    expect(await evaluation()).toMatchObject({ status: "FINAL", earlyFinaliseReason: "负责人长期出差，已电话确认" });
    const [entry] = await mark();
    expect(entry).toMatchObject({
      action: "evaluation.finalise",
      before: { earlyFinaliseReason: "" },
      after: { status: "FINAL", earlyFinaliseReason: "负责人长期出差，已电话确认" },
    });
    const view = await getEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId });
    expect(view.evaluation.earlyFinaliseReason).toBe("负责人长期出差，已电话确认");
    expect(view.self).toEqual({ state: "NONE", submittedAt: null, version: 0 });

    await reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 2, reason: "复核" });
    expect(await evaluation()).toMatchObject({ status: "DRAFT", earlyFinaliseReason: "" });
  });

  it("needs no reason once the lead has submitted; a reason given anyway is not kept", async () => {
    await saveComplete();
    await saveSelf();
    await submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 1 });
    const result = await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1, earlyReason: "不需要" });
    expect(result).toMatchObject({ total: "90.05", grade: "优" });
    expect(await evaluation()).toMatchObject({ status: "FINAL", earlyFinaliseReason: "" });
  });
});

describe("the lead submits the 自评", () => {
  const saveSelf = (rows = typedRows(f, { 4: { deductionPoints: "", deductionReason: "" }, 6: { band: "达成年度指标", gradeScore: "40" } }), version = 0) =>
    saveSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version, executed: "1600", rows });

  it("records its total and grade, locks it, and audits the submission", async () => {
    await saveSelf();
    let view = await getEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId });
    expect(view.can).toMatchObject({ write: true, submit: true, finalise: false });
    const mark = await auditMark(f.db.prisma);
    const result = await submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 1 });
    expect(result).toEqual({ total: "96.67", grade: "优", version: 2 });
    expect(await evaluation("SELF")).toMatchObject({ status: "FINAL", grade: "优", finalisedById: (f.actors.lead as { id: number }).id });
    expect(await mark()).toMatchObject([
      { action: "self-evaluation.submit", entityType: "Evaluation", before: { kind: "SELF", status: "DRAFT" }, after: { status: "FINAL", total: "96.67" } },
    ]);

    view = await getEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId });
    expect(view.can).toMatchObject({ write: false, submit: false });
    expect(await outcome(saveSelf(undefined, 2))).toBe("LOCKED");
    expect(await outcome(submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 2 }))).toBe("LOCKED");
    const evaluator = await getEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId });
    expect(evaluator.self.state).toBe("FINAL");
    expect(evaluator.self.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await listEvaluations(f.db.prisma, f.actors.evaluator)).rows.find((r) => r.sheetId === f.sheetId)).toMatchObject({
      selfState: "FINAL",
      selfTotal: "96.67",
    });
  });

  it("is refused while incomplete, by the lead only, and not before it was saved", async () => {
    expect(await outcome(submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 0 }))).toBe("INVALID");
    await saveSelf(typedRows(f, { 0: { deviationReason: "" }, 4: { deductionPoints: "", deductionReason: "" }, 6: { band: "", gradeScore: "" } }));
    const error = await refusal(submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 1 }));
    expect(error.message).toBe("不能提交自评：还有 2 处需要补充");
    expect(error.problems.map((p) => p.path)).toEqual([`rows.${f.rows[0]!.id}.deviationReason`, `rows.${f.rows[6]!.id}.band`]);
    for (const who of ["evaluator", "manager", "lead2", "admin"] as const) {
      expect(await outcome(submitSelfEvaluation(f.db.prisma, f.actors[who], { sheetId: f.sheetId, version: 1 }))).toBe("FORBIDDEN");
    }
    expect(await outcome(submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 0 }))).toBe("CONFLICT");
  });

  it("a manager reopens a submitted 自评 with a reason, but not once the evaluation is final", async () => {
    await saveSelf();
    await submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 1 });
    expect((await getEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId })).can).toMatchObject({ reopen: false, reopenSelf: true });
    expect(await outcome(reopenEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 2, reason: "改", kind: "SELF" }))).toBe("FORBIDDEN");
    await reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 2, reason: "自评分数需核对", kind: "SELF" });
    expect(await evaluation("SELF")).toMatchObject({ status: "DRAFT", total: null, reopenReason: "自评分数需核对", version: 3 });
    expect(await outcome(saveSelf(undefined, 3))).toBe("OK");

    await submitSelfEvaluation(f.db.prisma, f.actors.lead, { sheetId: f.sheetId, version: 3 });
    await saveComplete();
    await finaliseEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheetId, version: 1 });
    expect((await getEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId })).can).toMatchObject({ reopen: true, reopenSelf: false });
    expect(await outcome(reopenEvaluation(f.db.prisma, f.actors.manager, { sheetId: f.sheetId, version: 4, reason: "改", kind: "SELF" }))).toBe("LOCKED");
  });
});
