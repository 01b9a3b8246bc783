import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { getSheet } from "@/lib/sheets/get-sheet";
import { listSheets } from "@/lib/sheets/list-sheets";
import { createDraft } from "./create-draft";
import { getDraft, type DraftRow } from "./get-draft";
import { getSheetAuthoring, getSheetWithAuthoring } from "./get-sheet-authoring";
import { publishSheet } from "./publish-sheet";
import { returnDraft } from "./return-draft";
import { submitDraft } from "./submit-draft";
import { draftInput, outcome, refusal, seededDatabase, UNIT } from "@/lib/testing/authoring-fixtures";
import { type UpdateDraftInput, updateDraft } from "./update-draft";

let db: Database;
let actors: Record<DemoUsername, Actor>;
let n = 0;
/** A fresh draft name per test, so tests do not see each other's sheets. */
const fresh = () => `2026年测试项目${++n}`;

beforeAll(async () => {
  ({ db, actors } = await seededDatabase());
});
afterAll(async () => {
  await db?.close();
});

const audit = (entityType: string, entityId: number) =>
  db.prisma.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });

/** The editor's state of a draft, to send back with changes. */
async function editorState(actor: Actor, id: number): Promise<UpdateDraftInput & { indicators: DraftRow[] }> {
  const d = await getDraft(db.prisma, actor, id);
  return {
    sheetId: d.id,
    version: d.version,
    unit: d.unit,
    name: d.name,
    lead: d.lead,
    goal: d.goal,
    fundsTotal: d.funds.total,
    fundsFiscal: d.funds.fiscal,
    fundsOther: d.funds.other,
    budgetExecutionWeight: d.budgetExecutionWeight,
    indicators: d.indicators,
  };
}

describe("createDraft", () => {
  it("creates a draft with its rows, authored by the actor, and audits the sheet and each row", async () => {
    const name = fresh();
    const { id, version } = await createDraft(db.prisma, actors.manager, draftInput({ name }));
    expect(version).toBe(1);
    const stored = await db.prisma.targetSheet.findUniqueOrThrow({
      where: { id },
      include: { indicators: { orderBy: { position: "asc" } }, fiscalYear: true },
    });
    expect(stored).toMatchObject({ status: "DRAFT", authorId: (actors.manager as { id: number }).id, kind: "PROJECT", name, lead: "冯先生" });
    expect(stored.fiscalYear.year).toBe(2026);
    expect(stored.fundsTotal.toFixed(2)).toBe("1200.00"); // 财政拨款 typed full-width with a separator; total = fiscal + other
    expect(
      stored.indicators.map((i) => [
        i.position,
        i.name,
        i.targetRaw,
        i.targetOp,
        i.targetValue?.toString() ?? null,
        i.targetUnit,
        i.targetQualitative,
        i.measureType,
        i.weight.toString(),
        i.evidence,
      ]),
    ).toEqual([
      [0, "兑付创新券企业数量", "＞=100家", "GTE", "100", "家", null, "CUMULATIVE", "30", ["说明材料", "工作资料"]],
      [1, "兑付资金准确率", "=100%", "EQ", "100", "%", null, "LEVEL", "20", ["说明材料"]],
      [2, "企业研发投入", "有效提高", null, null, null, "有效提高", "LEVEL", "30", ["说明材料"]],
      [3, "服务企业满意度", ">=90%", "GTE", "90", "%", null, "LEVEL", "10", []],
    ]);
    const sheetAudit = await audit("TargetSheet", id);
    expect(sheetAudit.map((a) => a.action)).toEqual(["sheet.create"]);
    expect(sheetAudit[0]!.after).toMatchObject({ sheetId: id, name, unit: UNIT, year: 2026, status: "DRAFT", funds: { total: "1200.00" } });
    for (const row of stored.indicators) {
      const entries = await audit("Indicator", row.id);
      expect(entries.map((a) => [a.action, (a.after as { sheetId: number }).sheetId])).toEqual([["indicator.create", id]]);
    }
    // The draft shows in the year's list with its status.
    const listed = (await listSheets(db.prisma, actors.manager, 2026)).find((s) => s.id === id);
    expect(listed?.status).toBe("DRAFT");
  });

  it.each([
    ["admin", "OK"],
    ["manager", "OK"],
    ["lead", "OK"],
    ["lead2", "OK"],
    ["evaluator", "FORBIDDEN"],
  ] as const)("%s → %s", async (user, expected) => {
    expect(await outcome(createDraft(db.prisma, actors[user], draftInput({ name: fresh() })))).toBe(expected);
  });

  it("refuses a manager of another department, a lead naming a unit that does not exist, and a name already used", async () => {
    const other = await db.prisma.department.create({ data: { name: "另一个局" } });
    const stranger: Actor = { ...(actors.manager as Extract<Actor, { kind: "user" }>), departmentId: other.id };
    expect(await outcome(createDraft(db.prisma, stranger, draftInput({ name: fresh(), department: "乌鲁木齐市科学技术局" })))).toBe("FORBIDDEN");

    const unknownUnit = await refusal(
      createDraft(db.prisma, actors.lead, draftInput({ name: fresh(), unit: "不存在的单位", department: "乌鲁木齐市科学技术局" })),
    );
    expect(unknownUnit.code).toBe("INVALID");
    expect(unknownUnit.problems).toEqual([{ path: "unit", message: "找不到预算单位「不存在的单位」，请从列表中选择" }]);

    // An admin may name a new unit: it is created and audited.
    const { id } = await createDraft(db.prisma, actors.admin, draftInput({ name: fresh(), unit: "乌鲁木齐市新设中心", department: "乌鲁木齐市科学技术局" }));
    expect((await getDraft(db.prisma, actors.admin, id)).unit).toBe("乌鲁木齐市新设中心");
    expect(await db.prisma.auditLog.count({ where: { action: "unit.create" } })).toBe(1);
    // In the shape the 预算单位 page writes: lib/units unitSnapshot.
    const unitEntry = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "unit.create" } });
    expect(unitEntry.after).toEqual({ departmentId: unitEntry.departmentId, department: "乌鲁木齐市科学技术局", name: "乌鲁木齐市新设中心" });

    const name = fresh();
    await createDraft(db.prisma, actors.admin, draftInput({ name, department: "乌鲁木齐市科学技术局" }));
    const twice = await refusal(createDraft(db.prisma, actors.admin, draftInput({ name, department: "乌鲁木齐市科学技术局" })));
    expect([twice.code, twice.problems[0]?.path]).toEqual(["CONFLICT", "name"]);
  });

  it("refuses what cannot be stored, naming each field, and writes nothing", async () => {
    const before = await db.prisma.targetSheet.count();
    const refused = await refusal(
      createDraft(
        db.prisma,
        actors.admin,
        draftInput({
          name: fresh(),
          department: "乌鲁木齐市科学技术局",
          fundsFiscal: "一千",
          indicators: [
            { level1: "产出指标", level2: "数量指标", name: "", targetRaw: "＞=很多", weight: "十", rule: "看情况" },
            { level1: "产出指标", level2: "数量指标", name: "好指标", targetRaw: "＞=3项", weight: "101" },
          ],
        }),
      ),
    );
    expect(refused.code).toBe("INVALID");
    expect(refused.problems.map((p) => p.path)).toEqual([
      "fundsFiscal",
      "indicators.0.name",
      "indicators.0.targetRaw",
      "indicators.0.weight",
      "indicators.0.rule",
      "indicators.1.weight",
    ]);
    expect(refused.problems.find((p) => p.path === "indicators.0.targetRaw")?.message).toBe("指标值「＞=很多」有比较符但没有可解析的数值");
    expect(await db.prisma.targetSheet.count()).toBe(before);
  });
});

describe("updateDraft", () => {
  it("saves header and rows at once: changes, moves, adds and deletes rows, auditing each change", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh() }));
    const state = await editorState(actors.lead, id);
    const [a, b, c, d] = state.indicators as [DraftRow, DraftRow, DraftRow, DraftRow];
    const result = await updateDraft(db.prisma, actors.lead, {
      ...state,
      goal: "新的总体目标。",
      indicators: [
        { ...b }, // moved up
        { ...a, targetRaw: "＞=120家", weight: "35" }, // changed and moved
        { ...c, id: null, name: "新增：企业研发投入强度", targetRaw: "有效提升", weight: "25" }, // new
        // d deleted
      ],
    });
    expect(result).toEqual({ version: 2, changed: true });
    const rows = await db.prisma.indicator.findMany({ where: { sheetId: id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.name, r.targetRaw, r.weight.toString(), r.version])).toEqual([
      ["兑付资金准确率", "=100%", "20", 2],
      ["兑付创新券企业数量", "＞=120家", "35", 2],
      ["新增：企业研发投入强度", "有效提升", "25", 1],
    ]);
    expect(rows[0]!.id).toBe(b.id);
    expect(rows[1]!.id).toBe(a.id);
    expect(await db.prisma.indicator.count({ where: { id: { in: [c.id!, d.id!] } } })).toBe(0);

    const actions = async (entityType: string, entityId: number) => (await audit(entityType, entityId)).map((e) => [e.action, e.before, e.after]);
    expect(await actions("TargetSheet", id)).toEqual([
      ["sheet.create", null, expect.anything()],
      ["sheet.update", { sheetId: id, goal: draftInput().goal }, { sheetId: id, goal: "新的总体目标。" }],
    ]);
    expect(await actions("Indicator", a.id!)).toEqual([
      ["indicator.create", null, expect.anything()],
      [
        "indicator.update",
        { sheetId: id, position: 0, targetRaw: "＞=100家", weight: "30.00" },
        { sheetId: id, position: 1, targetRaw: "＞=120家", weight: "35.00" },
      ],
    ]);
    expect(await actions("Indicator", b.id!)).toEqual([
      ["indicator.create", null, expect.anything()],
      ["indicator.update", { sheetId: id, position: 1 }, { sheetId: id, position: 0 }],
    ]);
    expect((await actions("Indicator", d.id!)).map(([action, before]) => [action, (before as { name?: string } | null)?.name ?? null])).toEqual([
      ["indicator.create", null],
      ["indicator.delete", "服务企业满意度"],
    ]);
    expect((await actions("Indicator", rows[2]!.id)).map(([action]) => action)).toEqual(["indicator.create"]);
  });

  it("changes nothing (and bumps no version) when nothing changed", async () => {
    const { id } = await createDraft(db.prisma, actors.admin, draftInput({ name: fresh(), department: "乌鲁木齐市科学技术局" }));
    const state = await editorState(actors.admin, id);
    expect(await updateDraft(db.prisma, actors.admin, state)).toEqual({ version: 1, changed: false });
    expect(await audit("TargetSheet", id)).toHaveLength(1);
  });

  it("refuses a save based on an older version (someone else saved first)", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh() }));
    const mine = await editorState(actors.lead, id);
    const theirs = await editorState(actors.manager, id);
    await updateDraft(db.prisma, actors.manager, { ...theirs, lead: "王科长" });
    const refused = await refusal(updateDraft(db.prisma, actors.lead, { ...mine, goal: "我的改动" }));
    expect(refused.code).toBe("CONFLICT");
    expect((await getDraft(db.prisma, actors.lead, id)).goal).toBe(draftInput().goal);
  });

  it("refuses deleting a row with recorded history (lib/authoring/recorded-history.ts, shared with sheets:import --replace)", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh() }));
    const state = await editorState(actors.lead, id);
    const [a, b, c] = state.indicators as [DraftRow, DraftRow, DraftRow];
    // Written directly: the use cases record history only on published sheets, the check does not care.
    await db.prisma.progressEntry.create({ data: { indicatorId: a.id!, month: 3, value: "5" } });
    await db.prisma.targetAdjustment.create({ data: { indicatorId: b.id!, beforeTargetRaw: b.targetRaw, afterTargetRaw: "=99%", reason: "测试" } });
    const refused = await refusal(updateDraft(db.prisma, actors.lead, { ...state, indicators: [c] }));
    expect([refused.code, refused.message]).toEqual(["CONFLICT", `指标「${a.name}」、「${b.name}」已有进度填报、指标调整记录，不能删除`]);
    expect((await getDraft(db.prisma, actors.lead, id)).indicators).toHaveLength(4);
  });

  it("refuses rows of another sheet", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh() }));
    const foreign = await db.prisma.indicator.findFirstOrThrow({ where: { sheetId: { not: id } } });
    const state = await editorState(actors.lead, id);
    const refused = await refusal(updateDraft(db.prisma, actors.lead, { ...state, indicators: [{ ...state.indicators[0]!, id: foreign.id }] }));
    expect([refused.code, refused.problems[0]?.path]).toEqual(["INVALID", "indicators.0.id"]);
  });

  it("lets the author, admins and the department's manager edit a lead's draft; not another lead nor an evaluator", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh() }));
    for (const [user, expected] of [
      ["lead2", "FORBIDDEN"],
      ["evaluator", "FORBIDDEN"],
      ["lead", "OK"],
      ["manager", "OK"],
      ["admin", "OK"],
    ] as const) {
      const state = await editorState(actors.admin, id);
      expect([user, await outcome(updateDraft(db.prisma, actors[user], { ...state, lead: `由${user}修改` }))]).toEqual([user, expected]);
    }
  });
});

describe("submit, return and publish", () => {
  it("a lead drafts, submits (then may no longer edit), the manager returns it, the lead fixes and resubmits, the manager publishes: the lead is assigned", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh() }));
    // An approver publishes directly; a lead only submits.
    expect((await getSheetAuthoring(db.prisma, actors.lead, id)).can).toMatchObject({ edit: true, submit: true, publish: false });
    expect(await outcome(publishSheet(db.prisma, actors.lead, { sheetId: id, version: 1 }))).toBe("FORBIDDEN");
    expect(await outcome(submitDraft(db.prisma, actors.lead2, { sheetId: id, version: 1 }))).toBe("FORBIDDEN");
    expect(await outcome(submitDraft(db.prisma, actors.lead, { sheetId: id, version: 0 + 2 }))).toBe("CONFLICT");
    expect(await submitDraft(db.prisma, actors.lead, { sheetId: id, version: 1 })).toEqual({ version: 2 });
    expect(await outcome(submitDraft(db.prisma, actors.lead, { sheetId: id, version: 2 }))).toBe("CONFLICT");

    const submitted = await editorState(actors.lead, id);
    expect(await outcome(updateDraft(db.prisma, actors.lead, { ...submitted, goal: "改一改" }))).toBe("LOCKED");
    expect((await getSheetAuthoring(db.prisma, actors.manager, id)).can).toMatchObject({ edit: true, publish: true, returnDraft: true });

    expect(await outcome(returnDraft(db.prisma, actors.lead, { sheetId: id, version: 2, comment: "自己退回" }))).toBe("FORBIDDEN");
    expect(await outcome(returnDraft(db.prisma, actors.manager, { sheetId: id, version: 2, comment: " " }))).toBe("INVALID");
    expect(await returnDraft(db.prisma, actors.manager, { sheetId: id, version: 2, comment: "请补充满意度指标的依据" })).toEqual({ version: 3 });
    const returned = await editorState(actors.lead, id);
    expect((await updateDraft(db.prisma, actors.lead, { ...returned, goal: "改好了" })).version).toBe(4);
    await submitDraft(db.prisma, actors.lead, { sheetId: id, version: 4 });

    // The other lead, the evaluator, may not publish; the manager may.
    for (const user of ["lead2", "evaluator"] as const)
      expect(await outcome(publishSheet(db.prisma, actors[user], { sheetId: id, version: 5 }))).toBe("FORBIDDEN");
    expect(await publishSheet(db.prisma, actors.manager, { sheetId: id, version: 5 })).toEqual({ version: 6, assignedLead: "冯先生" });
    expect(await outcome(publishSheet(db.prisma, actors.manager, { sheetId: id, version: 6 }))).toBe("CONFLICT");
    const lead = actors.lead as { id: number };
    expect(await db.prisma.sheetAssignment.count({ where: { sheetId: id, userId: lead.id, role: "LEAD" } })).toBe(1);

    // Published: no more editing, by anyone.
    const published = await editorState(actors.admin, id);
    expect(await outcome(updateDraft(db.prisma, actors.admin, { ...published, goal: "再改" }))).toBe("LOCKED");
    expect((await getSheet(db.prisma, actors.lead, id)).name).toBe(published.name);
    expect((await audit("TargetSheet", id)).map((a) => a.action)).toEqual([
      "sheet.create",
      "sheet.submit",
      "sheet.return",
      "sheet.update",
      "sheet.submit",
      "sheet.publish",
    ]);
    expect((await db.prisma.auditLog.findFirstOrThrow({ where: { action: "sheet.return", entityId: String(id) } })).after).toEqual({
      sheetId: id,
      status: "DRAFT",
      comment: "请补充满意度指标的依据",
    });
    expect(
      await db.prisma.auditLog.count({ where: { action: "assignment.create", entityType: "SheetAssignment", after: { path: ["sheetId"], equals: id } } }),
    ).toBe(1);
  });

  it("refuses to submit or publish while the lint finds errors, listing them", async () => {
    const { id } = await createDraft(db.prisma, actors.admin, draftInput({ name: fresh(), department: "乌鲁木齐市科学技术局", indicators: [] }));
    const refused = await refusal(publishSheet(db.prisma, actors.admin, { sheetId: id, version: 1 }));
    expect(refused.code).toBe("INVALID");
    expect(refused.problems).toEqual([{ path: "指标", message: "错误：至少需要一个指标" }]);
    const lead = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh(), fundsTotal: "5", fundsFiscal: "1", fundsOther: "1" }));
    const notSubmitted = await refusal(submitDraft(db.prisma, actors.lead, { sheetId: lead.id, version: 1 }));
    expect(notSubmitted.problems).toEqual([{ path: "年度预算总额", message: "错误：年度预算总额 5.00 不等于财政拨款 1.00 + 其他资金 1.00" }]);
    expect((await getSheetAuthoring(db.prisma, actors.lead, lead.id)).findings.map((f) => f.level)).toEqual(["error"]);
  });

  it("gives the sheet page, from one read, what getSheet and getSheetAuthoring give", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh(), fundsTotal: "5", fundsFiscal: "1", fundsOther: "1" }));
    expect(await getSheetWithAuthoring(db.prisma, actors.manager, id)).toEqual({
      sheet: await getSheet(db.prisma, actors.manager, id),
      authoring: await getSheetAuthoring(db.prisma, actors.manager, id),
    });
    expect(await outcome(getSheetWithAuthoring(db.prisma, actors.manager, 2_147_483_647))).toBe("NOT_FOUND");
  });

  it("publishes an admin's own draft directly, without assigning anyone", async () => {
    const { id } = await createDraft(db.prisma, actors.admin, draftInput({ name: fresh(), department: "乌鲁木齐市科学技术局" }));
    expect(await publishSheet(db.prisma, actors.admin, { sheetId: id, version: 1 })).toEqual({ version: 2, assignedLead: null });
    expect(await db.prisma.sheetAssignment.count({ where: { sheetId: id } })).toBe(0);
  });

  it("keeps drafts out of sight of those who may not read them", async () => {
    const { id } = await createDraft(db.prisma, actors.lead, draftInput({ name: fresh() }));
    expect(await outcome(getSheet(db.prisma, actors.lead2, id))).toBe("FORBIDDEN");
    expect(await outcome(getSheetWithAuthoring(db.prisma, actors.lead2, id))).toBe("FORBIDDEN");
    expect(await outcome(getDraft(db.prisma, actors.evaluator, id))).toBe("FORBIDDEN");
    expect((await listSheets(db.prisma, actors.lead, 2026)).some((s) => s.id === id)).toBe(true);
    expect((await listSheets(db.prisma, actors.lead2, 2026)).some((s) => s.id === id)).toBe(false);
  });
});
