import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { otherDepartmentManager } from "@/lib/testing/factory";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { getScorecard } from "./get-scorecard";
import { parseScorecardQuery, scorecardSearch } from "./query";
import { disagreements, reportSeedSample } from "@/lib/testing/scorecard";

// The scorecard on the 2025 seed with a few sheets reported directly in the database: visibility per role,
// filters, sorting, grouping with subtotals, and the summary cards.

let f: Fixture;
let otherManager: Actor;
const now = AFTER_2025;
const UNIT_BENJI = "乌鲁木齐市科学技术局";
const UNIT_CENTRE = "乌鲁木齐科技信息服务中心";

beforeAll(async () => {
  f = await createFixture();
  await reportSeedSample(f.db.prisma);
  otherManager = await otherDepartmentManager(f.db.prisma);
});
afterAll(async () => {
  await f?.db.close();
});

const scorecard = (actor: Actor, params: Record<string, string> = {}) => getScorecard(f.db.prisma, actor, parseScorecardQuery(params), { now });
const names = async (actor: Actor, params: Record<string, string> = {}) => (await scorecard(actor, params)).table.rows.map((r) => r.name);
const unitId = async (name: string) => (await f.db.prisma.budgetUnit.findFirstOrThrow({ where: { name } })).id;

describe("getScorecard", () => {
  it("computes every figure before reading it (stored figures equal a from-scratch recomputation)", async () => {
    const s = await scorecard(f.actors.manager);
    expect(s.year).toBe(2025);
    expect(s.asOfLabel).toBe("2025年12月");
    expect(s.timeProgress).toBe("100.00%（12/12）");
    expect(await disagreements(f.db.prisma)).toEqual([]);
  });

  it("sums the manager's project sheets into the cards and shows the department sheet apart", async () => {
    const s = await scorecard(f.actors.manager);
    expect(s.summary).toMatchObject({ sheets: 13, fundsTotal: "4338.21", budget: "4338.21", executed: "1263.50", executionRate: "29.12" });
    expect(s.summary.lights).toEqual({ red: 2, yellow: 1, blue: 1, green: 1, none: 8 });
    expect(s.summary.grades).toEqual({ 优: 1, 良: 0, 中: 0, 差: 0 });
    expect(s.summary.finalised).toBe(1);
    expect(s.department.map((r) => r.name)).toEqual(["部门整体绩效目标"]);
    expect(s.table.rows.every((r) => r.kind === "PROJECT")).toBe(true);
    expect(s.units.map((u) => u.name)).toEqual([UNIT_BENJI, UNIT_CENTRE, "乌鲁木齐市技术创新研发与科技成果转化中心"]);
    expect(s.lightsByUnit.find((u) => u.unit === UNIT_CENTRE)!.lights).toEqual({ red: 1, yellow: 0, blue: 0, green: 0, none: 2 });
    // The 8 sheets with nothing reported are 待填报: counted apart, out of the distribution and the averages.
    expect(s.distribution.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(s.distribution[9]!.count).toBe(1); // 配套: final 92.50
    const pending = s.table.rows.filter((r) => r.light.light === null);
    expect(pending).toHaveLength(8);
    expect(pending.every((r) => r.projected === null && r.light.label === "待填报")).toBe(true);
    // The average of the projections, over the 5 reported sheets, as the engine projected each.
    const projected = s.table.rows.flatMap((r) => (r.projected ? [new Decimal(r.projected.score)] : []));
    expect(projected).toHaveLength(5);
    expect(s.summary.averageProjected).toBe(
      projected
        .reduce((a, b) => a.plus(b), new Decimal(0))
        .div(5)
        .toFixed(2, Decimal.ROUND_HALF_UP),
    );
  });

  it("measures the month chosen (截至月份): by default the latest month with submitted data, else the current month", async () => {
    // Nothing submitted yet and 2025 is over: December.
    const december = await scorecard(f.actors.manager);
    expect([december.asOfMonth, december.asOfLabel, december.query.month]).toEqual([12, "2025年12月", 12]);
    expect(december.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    // The sample was reported for September: in August every sheet is 待填报, only the final score is distributed.
    const august = await scorecard(f.actors.manager, { month: "8" });
    expect([august.asOfMonth, august.asOfLabel, august.timeProgress]).toEqual([8, "2025年8月", "66.67%（8/12）"]);
    expect(august.summary.lights).toEqual({ red: 0, yellow: 0, blue: 0, green: 0, none: 13 });
    expect(august.summary.averageProjected).toBeNull();
    expect(august.distribution.reduce((n, b) => n + b.count, 0)).toBe(1);

    // In September the lights are measured against 9/12: 两区's budget 800 of 1,610 is on schedule then, not in December.
    const september = await scorecard(f.actors.manager, { month: "9" });
    const liangqu = (s: typeof september) => s.table.rows.find((r) => r.name === "2025年“两区”创新建设专项")!;
    expect(liangqu(september).budgetLight.reason).toContain("× 9/12");
    expect(liangqu(december).budgetLight.reason).toContain("× 12/12");
    expect(september.summary.lights.none).toBe(8);

    // A month that cannot be measured falls back to the default.
    expect((await scorecard(f.actors.manager, { month: "13" })).asOfMonth).toBe(12);

    // Once a month is submitted, it is the default.
    const sheet = await f.db.prisma.targetSheet.findFirstOrThrow({ where: { name: "2025年“两区”创新建设专项" } });
    await f.db.prisma.sheetMonth.update({ where: { sheetId_month: { sheetId: sheet.id, month: 9 } }, data: { status: "SUBMITTED", submittedAt: now } });
    const submitted = await scorecard(f.actors.manager);
    expect([submitted.asOfMonth, submitted.asOfLabel]).toEqual([9, "2025年9月"]);
    expect(liangqu(submitted).light).toEqual(liangqu(september).light);
    await f.db.prisma.sheetMonth.update({ where: { sheetId_month: { sheetId: sheet.id, month: 9 } }, data: { status: "DRAFT", submittedAt: null } });
    expect((await scorecard(f.actors.manager)).asOfMonth).toBe(12);
  });

  it("shows each role only what it may see", async () => {
    expect((await names(f.actors.lead)).sort()).toEqual(["2025年“两区”创新建设专项", "落实2023年厅地联动市级配套专项资金"].sort());
    expect((await scorecard(f.actors.lead)).department).toEqual([]);
    expect((await scorecard(f.actors.lead)).summary.sheets).toBe(2);
    expect(await names(f.actors.lead2)).toHaveLength(5);
    expect((await scorecard(f.actors.lead2)).units.map((u) => u.name)).toEqual([UNIT_BENJI, UNIT_CENTRE]);
    expect(await names(f.actors.admin)).toHaveLength(13);
    expect(await names(f.actors.evaluator)).toHaveLength(13);
    const other = await scorecard(otherManager);
    expect(other.table.rows).toEqual([]);
    expect(other.department).toEqual([]);
    expect(other.summary.sheets).toBe(0);
    expect(other.units).toEqual([]);
  });

  it("filters by unit, light, grade and text, in the database", async () => {
    const benji = String(await unitId(UNIT_BENJI));
    expect(await names(f.actors.manager, { light: "red", unit: benji })).toEqual(["2025年“两区”创新建设专项"]);
    expect((await names(f.actors.manager, { light: "red" })).sort()).toEqual(["2025年“两区”创新建设专项", "乌鲁木齐市系列科普工作"].sort());
    expect(await names(f.actors.manager, { light: "none" })).toHaveLength(8);
    expect(await names(f.actors.manager, { grade: "优" })).toEqual(["落实2023年厅地联动市级配套专项资金"]);
    expect(await names(f.actors.manager, { q: "科普" })).toEqual(["乌鲁木齐市系列科普工作"]);
    expect(await names(f.actors.manager, { q: "范先生" })).toHaveLength(5);
    expect(await names(f.actors.manager, { q: "信息服务" })).toHaveLength(3);
    expect(await names(f.actors.lead, { light: "red", unit: String(await unitId(UNIT_CENTRE)) })).toEqual([]);
    const filtered = await scorecard(f.actors.manager, { light: "red" });
    // The cards and charts follow the filters, like the table's totals.
    expect(filtered.summary).toMatchObject({ sheets: 2, budget: "1610.00" });
    expect(
      filtered.lightsByUnit.flatMap((u) =>
        Object.entries(u.lights)
          .filter(([, n]) => n > 0)
          .map(([l]) => l),
      ),
    ).toEqual(["red", "red"]);
    expect(filtered.distribution.reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(filtered.table.totals).toMatchObject({ sheets: 2, budget: "1610.00", executed: "800.00", executionRate: "49.69" });
    expect(filtered.table.totals.lights).toEqual({ red: 2, yellow: 0, blue: 0, green: 0, none: 0 });
  });

  it("sorts in the database, missing values last", async () => {
    const budgets = (await scorecard(f.actors.manager, { sort: "budget", dir: "asc" })).table.rows.map((r) => Number(r.budget));
    expect(budgets).toEqual([...budgets].sort((a, b) => a - b));
    const desc = (await scorecard(f.actors.manager, { sort: "budget", dir: "desc" })).table.rows.map((r) => Number(r.budget));
    expect(desc).toEqual([...budgets].reverse());
    const lights = (await scorecard(f.actors.manager)).table.rows.map((r) => r.light.light);
    expect(lights).toEqual(["red", "red", "yellow", "blue", "green", ...Array(8).fill(null)]);
    const executed = (await scorecard(f.actors.manager, { sort: "executed", dir: "desc" })).table.rows.map((r) => r.executed);
    expect(executed).toEqual(["800.00", "463.50", ...Array(11).fill(null)]);
    const finals = (await scorecard(f.actors.manager, { sort: "final", dir: "asc" })).table.rows.map((r) => r.final?.score ?? null);
    expect(finals[0]).toBe("92.50");
  });

  it("groups by unit with subtotals computed over every matching row", async () => {
    const s = await scorecard(f.actors.manager, { group: "unit", sort: "budget", dir: "desc" });
    const rows = s.table.rows;
    expect(rows.map((r) => r.unitId)).toEqual([...rows.map((r) => r.unitId)].sort((a, b) => a - b));
    expect(s.table.groups.map((g) => g.unit)).toEqual([UNIT_BENJI, UNIT_CENTRE, "乌鲁木齐市技术创新研发与科技成果转化中心"]);
    for (const g of s.table.groups) {
      const mine = rows.filter((r) => r.unitId === g.unitId);
      expect(g.sheets).toBe(mine.length);
      expect(g.budget).toBe(mine.reduce((sum, r) => sum.plus(r.budget), new Decimal(0)).toFixed(2));
      expect(g.executed).toBe(mine.reduce((sum, r) => sum.plus(r.executed ?? 0), new Decimal(0)).toFixed(2));
      const budgetsInUnit = mine.map((r) => Number(r.budget));
      expect(budgetsInUnit).toEqual([...budgetsInUnit].sort((a, b) => b - a));
    }
    expect(s.table.groups.reduce((n, g) => n + g.sheets, 0)).toBe(s.table.total);
    expect(s.table.groups[0]!.lights).toEqual({ red: 1, yellow: 1, blue: 1, green: 1, none: 3 });
  });

  it("keeps its state in the URL, ignoring values it does not know", async () => {
    const q = parseScorecardQuery({
      year: "2025",
      unit: "3",
      light: "red",
      grade: "良",
      overdue: "1",
      q: " 科普 ",
      group: "unit",
      sort: "rate",
      dir: "desc",
      cols: "name,light",
      page: "2",
    });
    expect(q).toEqual({
      year: 2025,
      unit: 3,
      light: "red",
      grade: "良",
      overdue: true,
      q: "科普",
      group: "unit",
      sort: "rate",
      dir: "desc",
      columns: ["name", "light"],
      page: 2,
    });
    expect(parseScorecardQuery(new URLSearchParams(scorecardSearch(q)))).toEqual(q);
    expect(parseScorecardQuery(new URLSearchParams("cols=unit&cols=light"))).toMatchObject({ columns: ["unit", "name", "light"] });
    // 逾期 is not sortable: its sort falls back to the default.
    expect(parseScorecardQuery({ sort: "overdue" })).toMatchObject({ sort: "light", dir: "desc" });
    expect(parseScorecardQuery({ light: "purple", page: "-1", sort: "x", unit: "", dir: "up", cols: "bogus", overdue: "yes" })).toEqual({
      sort: "light",
      dir: "desc",
      columns: ["name"],
      page: 1,
      year: undefined,
      unit: undefined,
      light: undefined,
      grade: undefined,
      q: undefined,
      group: undefined,
    });
    expect(scorecardSearch(parseScorecardQuery({}))).toBe("");
    const s = await scorecard(f.actors.manager, { page: "9" });
    expect(s.table.page).toBe(1);
  });

  it("answers an empty scorecard for a year without sheets", async () => {
    const s = await scorecard(f.actors.manager, { year: "2031" });
    expect(s.year).toBeNull();
    expect(s.years).toEqual([2025]);
    expect(s.table.rows).toEqual([]);
  });
});
