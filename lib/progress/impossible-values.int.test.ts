import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorId } from "@/lib/auth/actor";
import { adjustBudget } from "./adjust-budget";
import { getProgress } from "./get-progress";
import { type SaveProgressInput, saveProgress } from "./save-progress";
import { AFTER_2025, createFixture, type Fixture, refusal } from "@/lib/testing/progress-fixtures";

// Impossible values are refused on the server, naming the field as the progress form does
// (`indicators.<id>.value`, `executed`); unusual ones are asked about and saved once confirmed.

let f: Fixture;
let departmentSheet: number;
beforeAll(async () => {
  f = await createFixture();
  // The department sheet has the seed's one growth rate (高新技术企业增长率 ＞=6%); the demo lead is given it.
  const sheet = await f.db.prisma.targetSheet.findFirstOrThrow({ where: { kind: "DEPARTMENT" }, select: { id: true } });
  departmentSheet = sheet.id;
  await f.db.prisma.sheetAssignment.create({ data: { sheetId: sheet.id, userId: actorId(f.actors.lead)!, role: "LEAD" } });
});
afterAll(async () => {
  await f?.db.close();
});

const now = { now: AFTER_2025 };
const row = (i: number) => f.liangquRows[i]!;
const at = (i: number, field = "value") => `indicators.${row(i).id}.${field}`;
const save = (input: Omit<SaveProgressInput, "sheetId">, sheetId = f.sheets.liangqu) => saveProgress(f.db.prisma, f.actors.lead, { sheetId, ...input }, now);
const stored = (month: number) =>
  f.db.prisma.progressEntry.findMany({
    where: { month, indicator: { sheetId: f.sheets.liangqu } },
    select: { indicatorId: true, value: true, forecast: true },
  });
const audits = () => f.db.prisma.auditLog.count();

describe("impossible values", () => {
  it("refuses a negative count (项, 人, 个) and a negative rate of completion, naming the field, saving nothing", async () => {
    const before = await audits();
    const err = await refusal(
      save({
        month: 3,
        rows: [
          { indicatorId: row(0).id, version: 0, value: "-1" },
          { indicatorId: row(2).id, version: 0, value: "5", forecast: "－２" },
          { indicatorId: row(4).id, version: 0, value: "1" },
          { indicatorId: row(5).id, version: 0, value: "-5%" },
        ],
      }),
    );
    expect(err.code).toBe("INVALID");
    expect(err.problems).toEqual([
      { path: at(0), message: expect.stringMatching(/^「支持产业核心技术攻关项目数量」实际完成值（截至3月）：不能为负数（单位「项」不会小于 0/) },
      {
        path: at(2, "forecast"),
        message: expect.stringMatching(/^「产业核心技术攻关项目培养研发人员、研究生等的数量」全年预计完成值：不能为负数（单位「人」/),
      },
      { path: at(5), message: expect.stringMatching(/实际完成值（截至3月）：不能为负数（单位「%」/) },
    ]);
    expect(err.problems.some((p) => p.confirmable)).toBe(false);
    expect([await audits(), await stored(3)]).toEqual([before, []]);
  });

  it("refuses a negative 执行数 and a 调整预算 that would make the year's budget negative", async () => {
    const spent = await refusal(save({ month: 3, rows: [], executed: { value: "-0.01", version: 0 } }));
    expect(spent.problems).toEqual([{ path: "executed", message: "执行数（截至3月，万元）：不能为负数" }]);
    const cut = await refusal(adjustBudget(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 3, amount: "-1600", reason: "项目取消" }, now));
    expect(cut.problems).toEqual([{ path: "amount", message: "调整后全年预算数为 0.00 万元，应大于 0" }]);
  });

  it("takes a fallen growth rate (高新技术企业增长率) but not one below -100%, and says which rows may go negative", async () => {
    const growth = await f.db.prisma.indicator.findFirstOrThrow({ where: { sheetId: departmentSheet, name: "高新技术企业增长率" } });
    const count = await f.db.prisma.indicator.findFirstOrThrow({ where: { sheetId: departmentSheet, position: 0 } });
    const view = await getProgress(f.db.prisma, f.actors.lead, { sheetId: departmentSheet, month: 3 }, now);
    expect(view.rows.map((r) => [r.name, r.allowsNegative])).toEqual(view.rows.map((r) => [r.name, r.name === "高新技术企业增长率"]));

    const tooLow = await refusal(save({ month: 3, rows: [{ indicatorId: growth.id, version: 0, value: "-101%" }] }, departmentSheet));
    expect(tooLow.problems).toEqual([
      { path: `indicators.${growth.id}.value`, message: "「高新技术企业增长率」实际完成值（截至3月）：增长率不能低于 -100%（减少不会超过全部）" },
    ]);
    const negativeCount = await refusal(save({ month: 3, rows: [{ indicatorId: count.id, version: 0, value: "-3" }] }, departmentSheet));
    expect(negativeCount.problems.map((p) => p.path)).toEqual([`indicators.${count.id}.value`]);

    const saved = await save({ month: 3, rows: [{ indicatorId: growth.id, version: 0, value: "-3.5%", forecast: "-2" }] }, departmentSheet);
    expect(saved.saved).toBe(1);
    const entry = saved.view.rows.find((r) => r.indicatorId === growth.id)!.entry;
    expect([entry?.value, entry?.forecast]).toEqual(["-3.5", "-2"]);
  });
});

describe("unusual values need a confirmation", () => {
  it("asks about a value more than 10× its target and a % over 1000, saves nothing, then saves once both are confirmed", async () => {
    const rows = (): SaveProgressInput["rows"] => [
      { indicatorId: row(0).id, version: 0, value: "31" },
      { indicatorId: row(1).id, version: 0, value: "2" },
      { indicatorId: row(5).id, version: 0, value: "1001%" },
    ];
    const before = await audits();
    const asked = await refusal(save({ month: 4, rows: rows() }));
    expect(asked.code).toBe("INVALID");
    expect(asked.message).toMatch(/确认无误后可仍要保存/);
    expect(asked.problems).toEqual([
      { path: at(0), message: "「支持产业核心技术攻关项目数量」实际完成值（截至4月）：31项 超过目标值 3项 的 10 倍，请确认没有多输位数", confirmable: true },
      { path: at(5), message: "「产业核心技术攻关项目牵头单位中企业的比例」实际完成值（截至4月）：1001% 超过 1000%，请确认没有多输位数", confirmable: true },
    ]);
    expect([await audits(), await stored(4)]).toEqual([before, []]);

    // Confirming one of the two is not enough.
    const half = await refusal(save({ month: 4, rows: rows(), confirmed: [at(0)] }));
    expect(half.problems.map((p) => [p.path, p.confirmable])).toEqual([[at(5), true]]);

    const result = await save({ month: 4, rows: rows(), confirmed: [at(0), at(5)] });
    expect(result.saved).toBe(3);
    expect((await stored(4)).map((e) => [e.indicatorId, e.value?.toString()])).toEqual(
      expect.arrayContaining([
        [row(0).id, "31"],
        [row(1).id, "2"],
        [row(5).id, "1001"],
      ]),
    );

    // The stored value was confirmed when saved: changing only the row's reason does not ask again.
    const v = await getProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 4 }, now);
    const version = v.rows[0]!.entry!.version;
    const again = await save({ month: 4, rows: [{ indicatorId: row(0).id, version, value: "31", deviationReason: "超额完成" }] });
    expect(again.saved).toBe(1);
  });

  it("lists impossible and unusual values together, so one round shows everything to fix", async () => {
    const err = await refusal(
      save({
        month: 5,
        rows: [
          { indicatorId: row(0).id, version: 0, value: "-1" },
          { indicatorId: row(1).id, version: 0, value: "100" },
        ],
      }),
    );
    expect(err.problems.map((p) => [p.path, p.confirmable ?? false])).toEqual([
      [at(0), false],
      [at(1), true],
    ]);
    // A confirmation does not turn an impossible value into a possible one.
    const still = await refusal(save({ month: 5, rows: [{ indicatorId: row(0).id, version: 0, value: "-1" }], confirmed: [at(0)] }));
    expect(still.problems.map((p) => p.path)).toEqual([at(0)]);
  });
});
