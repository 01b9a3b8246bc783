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
import { reportingMonth } from "@/lib/figures/reporting-month";
import { loadSheetData } from "@/lib/progress/sheet-data";
import { submitMonth } from "@/lib/progress/submit-month";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { fmt2 } from "@/lib/scoring";
import { SEED_FILE } from "@/lib/seed/seed-database";
import { importSheets } from "@/lib/authoring/import-sheets";
import { getScorecard } from "./get-scorecard";
import { parseScorecardQuery } from "./query";
import { refreshStaleFigures, staleSheetIds } from "@/lib/figures/refresh-sheet-figures";
import { disagreements, scratchFigures, storedFigures } from "@/lib/testing/scorecard";

// The stored figures must never disagree with the engine: after every kind of write, each sheet's stored figures
// are compared with a from-scratch recomputation (its rows read through plain Prisma, not the refresh's SQL).

let f: Fixture;
const now = AFTER_2025; // 2026-03-01: the whole of 2025 is open, figures are as of 2025年12月
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
const fresh = async () => expect(await disagreements(prisma(), now)).toEqual([]);
/** What a write path must leave behind: its sheet's figures recomputed in its own transaction (nothing stale). */
const freshWithoutRefresh = async () => {
  expect(await staleSheetIds(prisma(), fiscalYear, now)).toEqual([]);
  await fresh();
};
const figures = async (sheetId = f.sheets.liangqu) => (await storedFigures(prisma(), sheetId)).row;

describe("per-sheet figures", () => {
  it("exist for every sheet from its creation (stale until computed), and a refresh computes them all", async () => {
    const sheets = await prisma().targetSheet.count();
    expect(await prisma().sheetFigures.count()).toBe(sheets);
    const stale = await staleSheetIds(prisma(), fiscalYear, now);
    if (stale.length > 0) await refreshStaleFigures(prisma(), fiscalYear, opts);
    await freshWithoutRefresh();
    expect(await figures()).toMatchObject({ asOfMonth: 12, light: null, reportedCount: 0, projectedScore: "0.00", projectedComplete: false, finalScore: null });
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
    expect(await figures()).toMatchObject({ latestMonth: 7, reportedCount: 7, executed: "1000.00", executionRate: "62.50", budgetLight: "yellow", light: "red" });
  });

  it("agree with the progress module's month computation where the latest values are the month's", async () => {
    const data = await loadSheetData(prisma(), f.sheets.peitao);
    const rows = data.indicators.map((i, k) => ({ indicatorId: i.id, version: 0, value: "qualitative" in i.target ? "达成" : String(k + 1) }));
    await saveProgress(prisma(), f.actors.lead, { sheetId: f.sheets.peitao, month: 12, rows, executed: { value: "400", version: 0 } }, opts);
    const month = computeMonth(await loadSheetData(prisma(), f.sheets.peitao), 12);
    const stored = await figures(f.sheets.peitao);
    expect(stored.light).toBe(month.sheetLight);
    expect(stored.budgetLight).toBe(month.budget.light.light);
    expect(stored.projectedScore).toBe(fmt2(month.projected!.total));
    expect(stored.projectedGrade).toBe(month.projected!.grade);
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

    const result = await finaliseEvaluation(prisma(), f.actors.evaluator, { sheetId: f.sheets.liangqu, version: saved.version, earlyReason: "负责人未按期提交自评" });
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
    expect(await staleSheetIds(prisma(), fiscalYear, now)).toEqual([f.sheets.liangqu]);
    const scorecard = await getScorecard(prisma(), f.actors.manager, parseScorecardQuery({}), opts);
    expect(scorecard.table.rows.find((r) => r.sheetId === f.sheets.liangqu)).toMatchObject({ executed: "1500.00", executionRate: "100.00" });
    await freshWithoutRefresh();

    await prisma().targetSheet.update({ where: { id: f.sheets.kepu }, data: { fundsTotal: "30" } });
    await prisma().budgetAdjustment.create({ data: { sheetId: f.sheets.kepu, month: 3, amount: "5", reason: "直接写入" } });
    await prisma().indicator.update({ where: { id: row(5).id }, data: { weight: "5" } });
    expect((await staleSheetIds(prisma(), fiscalYear, now)).sort()).toEqual([f.sheets.liangqu, f.sheets.kepu].sort());
    await refreshStaleFigures(prisma(), fiscalYear, opts);
    await freshWithoutRefresh();
    expect(await figures(f.sheets.kepu)).toMatchObject({ fundsTotal: "30.00", budget: "35.00" });
  });

  it("are recomputed when the month changes: the lights follow the time progress", async () => {
    // In the middle of the year (figures as of July), then a month later.
    const july = new Date("2025-07-15T04:00:00Z");
    const august = new Date("2025-08-15T04:00:00Z");
    await refreshStaleFigures(prisma(), fiscalYear, { now: july });
    expect(await staleSheetIds(prisma(), fiscalYear, july)).toEqual([]);
    expect(await figures()).toMatchObject({ asOfMonth: 7, latestMonth: 7 });
    expect(await disagreements(prisma(), july)).toEqual([]);

    const stale = await staleSheetIds(prisma(), fiscalYear, august);
    expect(stale).toHaveLength(await prisma().targetSheet.count());
    await refreshStaleFigures(prisma(), fiscalYear, { now: august });
    expect(await disagreements(prisma(), august)).toEqual([]);
    const inAugust = await figures();
    expect(inAugust.asOfMonth).toBe(8);
    expect(inAugust).toEqual(await scratchFigures(prisma(), f.sheets.liangqu, august));

    // Entries after the month are not counted yet: December's values of 配套 are ignored in August.
    expect(await figures(f.sheets.peitao)).toMatchObject({ latestMonth: null, light: null, executed: null });
    await refreshStaleFigures(prisma(), fiscalYear, opts);
    await fresh();
  });

  it("refresh as the system actor too (seed and CLI imports)", async () => {
    const json = JSON.parse(fs.readFileSync(SEED_FILE, "utf8"));
    json.fiscalYear = 2026;
    json.sheets = json.sheets.slice(0, 2);
    const valid = validateInterchange(json);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    // Imports take no clock: their figures are as of today.
    const today = new Date();
    const imported = await importSheets(prisma(), SYSTEM, valid.file, { replace: false });
    const year2026 = await prisma().fiscalYear.findFirstOrThrow({ where: { year: 2026 }, select: { id: true, year: true } });
    expect(await staleSheetIds(prisma(), year2026, today)).toEqual([]);
    expect(await figures(imported[0]!.id)).toMatchObject({ asOfMonth: reportingMonth(2026, today), fiscalYearId: year2026.id });
    expect(await disagreements(prisma(), today)).toEqual([]);
  });
});
