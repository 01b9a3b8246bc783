import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { finaliseEvaluation } from "@/lib/evaluation/finalise-evaluation";
import { reopenEvaluation } from "@/lib/evaluation/reopen-evaluation";
import { saveEvaluation } from "@/lib/evaluation/save-evaluation";
import { type Fixture as EvaluationFixture, typedRows } from "@/lib/testing/evaluation-fixtures";
import { validateInterchange } from "@/lib/interchange/validate";
import { adjustBudget } from "@/lib/progress/adjust-budget";
import { computeMonth } from "@/lib/progress/compute-month";
import { reopenMonth } from "@/lib/progress/reopen-month";
import { reviewMonth } from "@/lib/progress/review-month";
import { saveProgress } from "@/lib/progress/save-progress";
import { setMeasureType } from "@/lib/progress/set-measure-type";
import { loadSheetData } from "@/lib/progress/sheet-data";
import { submitMonth } from "@/lib/progress/submit-month";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { fmt2 } from "@/lib/scoring";
import { SEED_FILE } from "@/lib/seed/seed-database";
import { importSheets } from "@/lib/authoring/import-sheets";
import { getScorecard } from "./get-scorecard";
import { parseScorecardQuery } from "./query";
import { refreshStaleFigures, staleSheetIds } from "@/lib/figures/refresh-sheet-figures";
import { disagreements, storedFigures } from "@/lib/testing/scorecard";

// The stored figures must never disagree with the engine: after every kind of write, each sheet's stored figures
// are compared with a from-scratch recomputation (its rows read through plain Prisma, not the refresh's SQL).

let f: Fixture;
const now = AFTER_2025; // 2026-03-01: the whole of 2025 is open
const opts = { now };
let fiscalYear: { id: number; year: number };

beforeAll(async () => {
  f = await createFixture();
  fiscalYear = await f.db.prisma.fiscalYear.findFirstOrThrow({ select: { id: true, year: true } });
});
afterAll(async () => {
  await f?.db.close();
});

const prisma = () => f.db.prisma;
const row = (i: number) => f.liangquRows[i]!;
const fresh = async () => expect(await disagreements(prisma())).toEqual([]);
/** What a write path must leave behind: its sheet's figures recomputed in its own transaction (nothing stale). */
const freshWithoutRefresh = async () => {
  expect(await staleSheetIds(prisma(), fiscalYear)).toEqual([]);
  await fresh();
};
/** A sheet's stored figures at a month (default December). */
const figures = async (sheetId = f.sheets.liangqu, month = 12) => (await storedFigures(prisma(), sheetId, month)).row;

describe("per-sheet figures", () => {
  it("exist for every sheet and month from the sheet's creation (stale until computed), and a refresh computes them all", async () => {
    const sheets = await prisma().targetSheet.count();
    expect(await prisma().sheetFigures.count()).toBe(sheets * 12);
    const stale = await staleSheetIds(prisma(), fiscalYear);
    if (stale.length > 0) await refreshStaleFigures(prisma(), fiscalYear);
    await freshWithoutRefresh();
    // Nothing reported: 待填报, no projected score (not 0 and 差).
    expect(await figures()).toMatchObject({ month: 12, light: null, reportedCount: 0, projectedScore: null, grade: null, scoreBucket: null, finalScore: null });
  });

  it("follow a lead's progress save, in the save's own transaction", async () => {
    await saveProgress(
      prisma(),
      f.actors.lead,
      {
        sheetId: f.sheets.liangqu,
        month: 7,
        rows: [
          { indicatorId: row(0).id, version: 0, value: "2" },
          { indicatorId: row(1).id, version: 0, value: "1", forecast: "3", deviationReason: "评审推迟", improvement: "加快评审" },
          { indicatorId: row(2).id, version: 0, value: "2" },
          { indicatorId: row(3).id, version: 0, value: "1.75" },
          { indicatorId: row(4).id, version: 0, value: "1" },
          { indicatorId: row(5).id, version: 0, value: "100%" },
          { indicatorId: row(6).id, version: 0, value: "部分达成", deviationReason: "仍在攻关", improvement: "下半年集中攻关" },
        ],
        executed: { value: "1000", version: 0 },
      },
      opts,
    );
    await freshWithoutRefresh();
    // As of December, July's values are measured against 12/12 of the year.
    expect(await figures()).toMatchObject({
      latestMonth: 7,
      reportedCount: 7,
      executed: "1000.00",
      executionRate: "62.50",
      budgetLight: "yellow",
      light: "red",
    });
    // Each month measures what was entered up to it: nothing before July.
    expect(await figures(f.sheets.liangqu, 6)).toMatchObject({ month: 6, latestMonth: null, light: null, projectedScore: null });
    expect(await figures(f.sheets.liangqu, 7)).toMatchObject({ month: 7, latestMonth: 7, reportedCount: 7 });
  });

  it("agree with the progress page's month computation, light and reason, in every month", async () => {
    const data = await loadSheetData(prisma(), f.sheets.peitao);
    const rows = data.indicators.map((i, k) => ({ indicatorId: i.id, version: 0, value: "qualitative" in i.target ? "达成" : String(k + 1) }));
    await saveProgress(prisma(), f.actors.lead, { sheetId: f.sheets.peitao, month: 9, rows, executed: { value: "400", version: 0 } }, opts);
    for (const sheetId of [f.sheets.peitao, f.sheets.liangqu]) {
      const sheet = await loadSheetData(prisma(), sheetId);
      for (let m = 1; m <= 12; m++) {
        const month = computeMonth(sheet, m);
        const stored = await figures(sheetId, m);
        expect({ light: stored.light, reason: stored.lightReason }).toEqual({ light: month.sheetLight.light, reason: month.sheetLight.reason });
        expect({ light: stored.budgetLight, reason: stored.budgetLightReason }).toEqual({ light: month.budget.light.light, reason: month.budget.light.reason });
        if (stored.light !== null) expect(stored.projectedScore).toBe(fmt2(month.projected!.total));
      }
    }
    // Values entered in September are carried to the later months, measured against their time progress.
    expect((await figures(f.sheets.peitao, 11)).lightReason).toMatch(/沿用9月的填报值/);
    await freshWithoutRefresh();
  });

  it("follow budget adjustments, submissions, reviews and reopening", async () => {
    await adjustBudget(prisma(), f.actors.lead, { sheetId: f.sheets.liangqu, month: 8, amount: "-100", reason: "调减" }, opts);
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ budget: "1500.00", executionRate: "66.67" });

    await submitMonth(prisma(), f.actors.lead, { sheetId: f.sheets.liangqu, month: 7, version: 1 }, opts);
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ monthsSubmitted: 1, lastSubmittedMonth: 7, monthsApproved: 0 });

    await reviewMonth(prisma(), f.actors.manager, { sheetId: f.sheets.liangqu, month: 7, version: 2, decision: "approve" }, opts);
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ monthsSubmitted: 1, monthsApproved: 1, lastApprovedMonth: 7 });

    await reopenMonth(prisma(), f.actors.manager, { sheetId: f.sheets.liangqu, month: 7, version: 3, reason: "补充佐证" }, opts);
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ monthsSubmitted: 0, monthsApproved: 0, lastApprovedMonth: null });
  });

  it("follow a change of measure type", async () => {
    const indicator = await prisma().indicator.findUniqueOrThrow({ where: { id: row(0).id } });
    await setMeasureType(prisma(), f.actors.manager, { indicatorId: indicator.id, measureType: "LEVEL", version: indicator.version });
    await freshWithoutRefresh();
  });

  it("take the final score from the evaluator's final evaluation, and drop it when reopened", async () => {
    const rows = typedRows({ rows: f.liangquRows } as unknown as EvaluationFixture, { 4: { deviationReason: "指标值设定偏低，已扣分" } });
    const saved = await saveEvaluation(prisma(), f.actors.evaluator, { sheetId: f.sheets.liangqu, version: 0, executed: "1,500", rows });
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ finalScore: null });

    const result = await finaliseEvaluation(prisma(), f.actors.evaluator, {
      sheetId: f.sheets.liangqu,
      version: saved.version,
      earlyReason: "负责人未按期提交自评",
    });
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ finalScore: result.total, finalGrade: result.grade, score: result.total, grade: result.grade });

    await reopenEvaluation(prisma(), f.actors.manager, { sheetId: f.sheets.liangqu, version: result.version, reason: "复核" });
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ finalScore: null, finalGrade: null });
  });

  it("follow a sheet import that replaces a sheet", async () => {
    const json = JSON.parse(fs.readFileSync(SEED_FILE, "utf8"));
    json.sheets = json.sheets.filter((s: { name: string }) => s.name === "乌鲁木齐市系列科普工作");
    json.sheets[0].funds = { total: "20.00", fiscal: "20.00", other: "0.00" };
    const valid = validateInterchange(json);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    await importSheets(prisma(), f.actors.admin, valid.file, { replace: true });
    await freshWithoutRefresh();
    expect(await figures(f.sheets.kepu)).toMatchObject({ fundsTotal: "20.00", budget: "20.00" });
  });

  it("are marked stale by any other write (database triggers) and recomputed before the scorecard reads them", async () => {
    await prisma().progressEntry.update({ where: { indicatorId_month: { indicatorId: row(0).id, month: 7 } }, data: { value: "3" } });
    await prisma().sheetMonth.update({ where: { sheetId_month: { sheetId: f.sheets.liangqu, month: 7 } }, data: { executed: "1500" } });
    expect(await staleSheetIds(prisma(), fiscalYear)).toEqual([f.sheets.liangqu]);
    const scorecard = await getScorecard(prisma(), f.actors.manager, parseScorecardQuery({}), opts);
    expect(scorecard.table.rows.find((r) => r.sheetId === f.sheets.liangqu)).toMatchObject({ executed: "1500.00", executionRate: "100.00" });
    await freshWithoutRefresh();

    await prisma().targetSheet.update({ where: { id: f.sheets.kepu }, data: { fundsTotal: "30" } });
    await prisma().budgetAdjustment.create({ data: { sheetId: f.sheets.kepu, month: 3, amount: "5", reason: "直接写入" } });
    await prisma().indicator.update({ where: { id: row(5).id }, data: { weight: "5" } });
    expect((await staleSheetIds(prisma(), fiscalYear)).sort()).toEqual([f.sheets.liangqu, f.sheets.kepu].sort());
    await refreshStaleFigures(prisma(), fiscalYear);
    await freshWithoutRefresh();
    expect(await figures(f.sheets.kepu)).toMatchObject({ fundsTotal: "30.00", budget: "35.00" });
  });

  it("do not depend on the date: a month measures the values entered up to it against its time progress", async () => {
    // 配套's values were entered for September: nothing shows in August, September measures them at 9/12.
    expect(await figures(f.sheets.peitao, 8)).toMatchObject({ latestMonth: null, light: null, executed: null });
    expect(await figures(f.sheets.peitao, 9)).toMatchObject({ latestMonth: 9, executed: "400.00", executedMonth: 9 });
    expect((await figures(f.sheets.peitao, 9)).budgetLightReason).toContain("× 9/12");
    expect((await figures(f.sheets.peitao, 12)).budgetLightReason).toMatch(/^沿用9月的执行数：.*× 12\/12/);
    await fresh();
  });

  it("refresh as the system actor too (seed and CLI imports)", async () => {
    const json = JSON.parse(fs.readFileSync(SEED_FILE, "utf8"));
    json.fiscalYear = 2026;
    json.sheets = json.sheets.slice(0, 2);
    const valid = validateInterchange(json);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const imported = await importSheets(prisma(), SYSTEM, valid.file, { replace: false });
    const year2026 = await prisma().fiscalYear.findFirstOrThrow({ where: { year: 2026 }, select: { id: true, year: true } });
    expect(await staleSheetIds(prisma(), year2026)).toEqual([]);
    expect(await figures(imported[0]!.id, 1)).toMatchObject({ month: 1, fiscalYearId: year2026.id });
    await fresh();
  });
});
