import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { refreshStaleFigures } from "@/lib/figures/refresh-sheet-figures";
import { monthsPastDue } from "@/lib/deadlines/rules";
import { loadYearDeadlines } from "@/lib/deadlines/load-deadlines";
import { otherDepartmentManager } from "@/lib/testing/factory";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { reportDirectly, reportSeedSample } from "@/lib/testing/scorecard";
import { scorecardScope } from "./get-scorecard";
import { parseScorecardQuery } from "./query";
import { type Summary, summarize } from "./queries";
import { readTally, summarizeScorecard } from "./tally";

// The maintained tallies (migration 20261206100000) against the GROUP BY over every sheet's figures they replace on
// the 绩效看板: equal for every role, month and unit after each kind of write, and after their rows are folded.

let f: Fixture;
let otherManager: Actor;
let year: { id: number; year: number };
const now = AFTER_2025;

beforeAll(async () => {
  f = await createFixture();
  await reportSeedSample(f.db.prisma);
  year = await f.db.prisma.fiscalYear.findFirstOrThrow({ where: { year: 2025 }, select: { id: true, year: true } });
  otherManager = await otherDepartmentManager(f.db.prisma);
});
afterAll(async () => {
  await f?.db.close();
});

/** A summary as plain values: decimals as text, so two summaries compare with toEqual. */
const plain = (s: Summary) => {
  const tally = (t: Summary["total"]) => ({
    ...t,
    fundsTotal: t.fundsTotal.toFixed(2),
    budget: t.budget.toFixed(2),
    executed: t.executed.toFixed(2),
    projectedSum: t.projectedSum.toFixed(2),
    finalSum: t.finalSum.toFixed(2),
  });
  return {
    total: tally(s.total),
    byUnit: [...s.byUnit.entries()].sort(([a], [b]) => a - b).map(([id, t]) => [id, tally(t)]),
    grades: s.grades,
    buckets: [...s.buckets.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b),
  };
};

/** For each actor, month and unit filter: the tallies' sums and the GROUP BY's, both after the read's refresh. */
async function compareAll(): Promise<number> {
  const db = f.db.prisma;
  await refreshStaleFigures(db, year);
  const passed = monthsPastDue(await loadYearDeadlines(db, year), now);
  const units = await db.budgetUnit.findMany({ select: { id: true } });
  let compared = 0;
  for (const actor of [f.actors.admin, f.actors.manager, otherManager, f.actors.lead, f.actors.evaluator]) {
    for (const month of [1, 9, 12]) {
      for (const unit of [undefined, ...units.map((u) => String(u.id))]) {
        const scope = scorecardScope(actor, year.id, month, parseScorecardQuery(unit ? { unit } : {}), passed);
        const expected = plain(await summarize(db, scope.filtered, scope.overdue));
        expect(plain(await summarizeScorecard(db, scope)), `${actor.kind === "user" ? actor.role : "system"} month ${month} unit ${unit}`).toEqual(expected);
        compared++;
      }
    }
  }
  return compared;
}

describe("scorecard tallies", () => {
  it("answer the admin and the managers from the tallies, and leads and evaluators from their sheets' figures", () => {
    const query = parseScorecardQuery({});
    expect(scorecardScope(f.actors.admin, 1, 12, query).tally).toMatchObject({ departmentIds: null, rest: null });
    expect(scorecardScope(f.actors.manager, 1, 12, query).tally).toMatchObject({ departmentIds: [expect.any(Number)], rest: expect.anything() });
    expect(scorecardScope(f.actors.lead, 1, 12, query).tally).toBeNull();
    // A filter the tallies do not break down by reads every matching sheet.
    expect(scorecardScope(f.actors.admin, 1, 12, parseScorecardQuery({ light: "red" })).tally).toBeNull();
  });

  it("equal the GROUP BY over every sheet on the seed as reported", async () => {
    expect(await compareAll()).toBeGreaterThan(30);
  });

  it("follow values, submissions, approvals, a sheet moved to another unit, unpublished and deleted", async () => {
    const db = f.db.prisma;
    await reportDirectly(db, "乌鲁木齐市系列科普工作", 12, ["5"], "12.34");
    await db.sheetMonth.upsert({
      where: { sheetId_month: { sheetId: f.sheets.kepu, month: 1 } },
      create: { sheetId: f.sheets.kepu, month: 1, status: "SUBMITTED" },
      update: { status: "SUBMITTED" },
    });
    await db.sheetMonth.update({ where: { sheetId_month: { sheetId: f.sheets.kepu, month: 1 } }, data: { status: "APPROVED" } });
    await compareAll();

    const elsewhere = await db.budgetUnit.findFirstOrThrow({ where: { NOT: { sheets: { some: { id: f.sheets.liangqu } } } } });
    await db.targetSheet.update({ where: { id: f.sheets.liangqu }, data: { unitId: elsewhere.id } });
    await compareAll();

    await db.targetSheet.update({ where: { id: f.sheets.peitao }, data: { status: "DRAFT" } });
    await compareAll();

    await db.targetSheet.delete({ where: { id: f.sheets.kepu } });
    await compareAll();
  });

  it("fold piled-up rows into one per group when read, and sum the same", async () => {
    const db = f.db.prisma;
    // Each change of a value appends differences (a September value reaches the figures of September–December).
    const entry = await db.progressEntry.findFirstOrThrow({ where: { indicator: { sheetId: f.sheets.liangqu }, month: 9 } });
    for (let i = 2; i < 12; i++) {
      await db.progressEntry.update({ where: { id: entry.id }, data: { value: String(i) } });
      await refreshStaleFigures(db, year);
    }
    await db.sheetMonth.create({ data: { sheetId: f.sheets.liangqu, month: 2, status: "SUBMITTED" } });
    await db.sheetMonth.delete({ where: { sheetId_month: { sheetId: f.sheets.liangqu, month: 2 } } });
    await refreshStaleFigures(db, year);
    const passed = monthsPastDue(await loadYearDeadlines(db, year), now);
    const scope = scorecardScope(f.actors.admin, year.id, 12, parseScorecardQuery({}), passed);
    const expected = plain(await summarize(db, scope.filtered, scope.overdue));
    const before = { figures: await db.figuresTally.count({ where: { month: 12 } }), sheets: await db.sheetTally.count() };

    expect(plain(await readTally(db, scope.tally!, 0))).toEqual(expected);
    const after = { figures: await db.figuresTally.count({ where: { month: 12 } }), sheets: await db.sheetTally.count() };
    expect(after.figures).toBeLessThan(before.figures);
    expect(after.sheets).toBeLessThan(before.sheets);
    // Folded: one row per group of the month, and reading again finds nothing more to fold.
    const groups = await db.figuresTally.groupBy({ by: ["unitId", "kind", "status"], where: { month: 12 } });
    expect(after.figures).toBe(groups.length);
    expect(plain(await readTally(db, scope.tally!, 0))).toEqual(expected);
    expect(await db.figuresTally.count({ where: { month: 12 } })).toBe(after.figures);
    await compareAll();
  });
});
