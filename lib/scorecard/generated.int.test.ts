import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "@/lib/testing/database";
import { buildDataset } from "@/lib/bench/scorecard-dataset";
import { getScorecard, type ScorecardRow } from "./get-scorecard";
import { PAGE_SIZE, parseScorecardQuery } from "./query";
import { refreshAllFigures } from "@/lib/figures/refresh-sheet-figures";
import { disagreements } from "@/lib/testing/scorecard";

// A generated year (the bench's generator, smaller): every kind of row — counts, rates, reverse, qualitative,
// forecasts, adjustments, final evaluations, months in every state —, more sheets than a page.

let db: Database;
let manager: Actor;
// Mid-year: figures as of 2025年6月, the last month generated.
const now = new Date("2025-06-20T04:00:00Z");
const SHEETS = 230;

beforeAll(async () => {
  db = await createTestDatabase();
  const users = await buildDataset(db.sql, { sheets: SHEETS, units: 7, year: 2025, months: 6 });
  const department = await db.prisma.department.findFirstOrThrow();
  manager = { kind: "user", id: users.managerId, role: "MANAGER", departmentId: department.id, displayName: "基准管理者" };
  await refreshAllFigures(db.prisma);
});
afterAll(async () => {
  await db?.close();
});

const all = async (params: Record<string, string>): Promise<{ rows: ScorecardRow[]; total: number }> => {
  const rows: ScorecardRow[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const s = await getScorecard(db.prisma, manager, parseScorecardQuery({ ...params, page: String(page) }), { now });
    total = s.table.total;
    rows.push(...s.table.rows);
    if (page >= s.table.pageCount) break;
  }
  return { rows, total };
};

describe("a generated year", () => {
  it("has stored figures equal to a from-scratch recomputation for every sheet", async () => {
    expect(await disagreements(db.prisma, [1, 6])).toEqual([]);
    const lights = await db.prisma.sheetFigures.groupBy({ by: ["light"], _count: { _all: true } });
    expect(lights.length).toBeGreaterThanOrEqual(3);
    expect(await db.prisma.sheetFigures.count({ where: { finalScore: { not: null } } })).toBeGreaterThan(0);
  });

  it("pages through every matching row once, in one order", async () => {
    const first = await getScorecard(db.prisma, manager, parseScorecardQuery({ sort: "projected", dir: "desc" }), { now });
    expect(first.table.total).toBe(SHEETS - 1);
    expect(first.table.rows).toHaveLength(PAGE_SIZE);
    expect(first.table.pageCount).toBe(Math.ceil((SHEETS - 1) / PAGE_SIZE));
    const { rows } = await all({ sort: "projected", dir: "desc" });
    expect(new Set(rows.map((r) => r.sheetId)).size).toBe(SHEETS - 1);
    const scores = rows.map((r) => Number(r.projected!.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("adds up totals and unit subtotals in the database as the rows add up", async () => {
    const s = await getScorecard(db.prisma, manager, parseScorecardQuery({ group: "unit", light: "red" }), { now });
    const { rows } = await all({ group: "unit", light: "red" });
    expect(rows.length).toBe(s.table.total);
    expect(rows.every((r) => r.light.light === "red")).toBe(true);
    const sum = (list: ScorecardRow[], f: (r: ScorecardRow) => string | null) => list.reduce((a, r) => a.plus(f(r) ?? 0), new Decimal(0)).toFixed(2);
    expect(s.table.totals.budget).toBe(sum(rows, (r) => r.budget));
    expect(s.table.totals.executed).toBe(sum(rows, (r) => r.executed));
    for (const g of s.table.groups) {
      const mine = rows.filter((r) => r.unitId === g.unitId);
      expect(g.sheets).toBe(mine.length);
      expect(g.budget).toBe(sum(mine, (r) => r.budget));
      const finals = mine.filter((r) => r.final);
      expect(g.finalised).toBe(finals.length);
      const average = (list: ScorecardRow[], f: (r: ScorecardRow) => string) =>
        list.length === 0
          ? null
          : list
              .reduce((a, r) => a.plus(f(r)), new Decimal(0))
              .div(list.length)
              .toFixed(2, Decimal.ROUND_HALF_UP);
      expect(g.averageFinal).toBe(average(finals, (r) => r.final!.score));
      expect(g.averageProjected).toBe(average(mine, (r) => r.projected!.score));
    }
    // Grouped rows come unit by unit.
    expect(rows.map((r) => r.unitId)).toEqual([...rows.map((r) => r.unitId)].sort((a, b) => a - b));
  });
});
