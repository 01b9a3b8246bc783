import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finaliseEvaluation } from "@/lib/evaluation/finalise-evaluation";
import { saveEvaluation } from "@/lib/evaluation/save-evaluation";
import { type Fixture as EvaluationFixture, typedRows } from "@/lib/testing/evaluation-fixtures";
import { adjustBudget } from "@/lib/progress/adjust-budget";
import { getProgress } from "@/lib/progress/get-progress";
import { saveProgress } from "@/lib/progress/save-progress";
import { AFTER_2025, createFixture, type Fixture, outcome } from "@/lib/testing/progress-fixtures";
import { getScorecard } from "./get-scorecard";
import { getSheetMonitor } from "./get-sheet-monitor";
import { parseScorecardQuery } from "./query";

let f: Fixture;
const now = AFTER_2025;
const opts = { now };

beforeAll(async () => {
  f = await createFixture();
  const row = (i: number) => f.liangquRows[i]!.id;
  const save = (month: number, values: string[], executed: string, versions: number[] = []) =>
    saveProgress(
      f.db.prisma,
      f.actors.lead,
      {
        sheetId: f.sheets.liangqu,
        month,
        rows: values.map((value, i) => ({ indicatorId: row(i), version: versions[i] ?? 0, value, ...(i === 1 ? { forecast: "3" } : {}) })),
        executed: { value: executed, version: 0 },
      },
      opts,
    );
  await save(7, ["2", "1", "2", "1.75", "1", "100%", "部分达成"], "1000");
  await save(9, ["2", "1", "3", "2", "1", "100%", "达成"], "1200");
  await adjustBudget(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month: 8, amount: "-100", reason: "调减" }, opts);
});
afterAll(async () => {
  await f?.db.close();
});

const monitor = (who: keyof Fixture["actors"] = "manager", sheetId = f.sheets.liangqu) => getSheetMonitor(f.db.prisma, f.actors[who], sheetId, opts);

describe("getSheetMonitor", () => {
  it("shows every row with its latest value, light, weight, projected score and its explanation", async () => {
    const m = await monitor();
    expect(m.sheet).toMatchObject({ name: "2025年“两区”创新建设专项", unit: "乌鲁木齐市科学技术局", lead: "冯先生", year: 2025 });
    expect(m).toMatchObject({ asOfMonth: 12, asOfLabel: "2025年12月", timeProgress: "100.00%（12/12）", latestMonth: 9 });
    expect(m.rows).toHaveLength(7);
    expect(m.rows[0]).toMatchObject({
      name: "支持产业核心技术攻关项目数量",
      targetRaw: "＞=3项",
      lastYear: "3项",
      weight: "10.00",
      latest: { month: 9, monthLabel: "2025年9月", value: "2" },
      progress: "66.67%",
      light: { light: "yellow", label: "黄灯·略有滞后", reason: "沿用9月的填报值：完成值 2 ÷ (指标值 3 × 12/12) = 66.67%，60% ≤ 进度 < 80%" },
      chart: "cumulative",
    });
    expect(m.rows[0]!.projected).toMatchObject({ max: "10.00", score: "6.67" });
    expect(m.rows[0]!.projected!.explanation).toMatch(/^按当前值 2 推算：/);
    expect(m.rows[1]!.projected!.explanation).toMatch(/^按预计值 3 推算：/);
    expect(m.rows[6]).toMatchObject({ chart: "qualitative", latest: { value: "达成" }, light: { light: "green" }, progress: null });
    expect(m.rows[0]!.final).toBeNull();
    expect(m.final).toBeNull();
  });

  it("gives each row's months for its chart against the time-progress line", async () => {
    const m = await monitor();
    const months = m.rows[0]!.months;
    expect(months.map((x) => x.value)).toEqual([null, null, null, null, null, null, "2", null, "2", null, null, null]);
    expect(months[5]).toMatchObject({ expected: "1.5", expectedPlot: 1.5 });
    expect(months[11]).toMatchObject({ expected: "3" });
    expect(m.rows[5]!.months[0]!.expected).toBe("100"); // a level row: the target itself
    expect(m.rows[6]!.months[6]!.value).toBe("部分达成");
  });

  it("shows the budget's execution month by month, with the adjustment from its month on", async () => {
    const m = await monitor();
    expect(m.budget).toMatchObject({ fundsTotal: "1600.00", budget: "1500.00", executed: "1200.00", executionRate: "80.00" });
    expect(m.budgetLight).toMatchObject({ light: "green", label: "绿灯·正常" });
    expect(m.budget.months[6]).toMatchObject({ month: 7, executed: "1000.00", budget: "1600.00", rate: "62.50", expected: "933.33" });
    expect(m.budget.months[8]).toMatchObject({ month: 9, executed: "1200.00", budget: "1500.00", rate: "80.00", expected: "1125.00" });
    expect(m.budget.months[9]).toMatchObject({ executed: null, rate: null });
  });

  it("agrees with the scorecard's stored figures", async () => {
    const m = await monitor();
    const row = (await getScorecard(f.db.prisma, f.actors.manager, parseScorecardQuery({}), opts)).table.rows.find((r) => r.sheetId === f.sheets.liangqu)!;
    expect(m.light).toEqual(row.light);
    expect(m.budgetLight).toEqual(row.budgetLight);
    expect(m.projected).toMatchObject({ total: row.projected!.score, grade: row.projected!.grade, complete: row.projected!.complete });
  });

  it("shows, for every month, the same sheet light, budget light and projection as the scorecard and 进度填报", async () => {
    for (let month = 1; month <= 12; month++) {
      const m = await getSheetMonitor(f.db.prisma, f.actors.manager, f.sheets.liangqu, { now, month });
      const card = await getScorecard(f.db.prisma, f.actors.manager, parseScorecardQuery({ month: String(month) }), opts);
      const row = card.table.rows.find((r) => r.sheetId === f.sheets.liangqu)!;
      const page = await getProgress(f.db.prisma, f.actors.manager, { sheetId: f.sheets.liangqu, month }, opts);
      expect([m.asOfMonth, card.asOfMonth, page.month]).toEqual([month, month, month]);
      expect(m.light).toEqual(row.light);
      expect(page.sheetLight).toEqual(row.light);
      expect(m.budgetLight).toEqual(row.budgetLight);
      expect(page.budget.light).toEqual(row.budgetLight);
      expect(m.rows.map((r) => r.light)).toEqual(page.rows.map((r) => r.light));
      expect(m.projected?.total ?? null).toBe(row.projected?.score ?? null);
    }
    // Before July nothing was reported: 待填报 everywhere.
    expect((await getSheetMonitor(f.db.prisma, f.actors.manager, f.sheets.liangqu, { now, month: 6 })).light.label).toBe("待填报");
  });

  it("shows the final scores, explained, once the evaluator's evaluation is final", async () => {
    const rows = typedRows({ rows: f.liangquRows } as unknown as EvaluationFixture, { 4: { deviationReason: "指标值设定偏低，已扣分" } });
    const saved = await saveEvaluation(f.db.prisma, f.actors.evaluator, { sheetId: f.sheets.liangqu, version: 0, executed: "1,500", rows });
    expect((await monitor()).final).toBeNull();
    const result = await finaliseEvaluation(f.db.prisma, f.actors.evaluator, {
      sheetId: f.sheets.liangqu,
      version: saved.version,
      earlyReason: "负责人未按期提交自评",
    });
    const m = await monitor();
    expect(m.final).toMatchObject({ total: result.total, grade: result.grade, budget: { max: "10.00", score: "10.00" } });
    expect(m.rows[0]!.final).toMatchObject({ max: "10.00", score: "6.67" });
    expect(m.rows[4]!.final!.explanation).toContain("扣分");
    expect(m.rows[6]!.final!.explanation).toContain("评判等级「达成年度指标」");
  });

  it("is for those who may read the sheet", async () => {
    expect(await outcome(monitor("lead"))).toBe("OK");
    expect(await outcome(monitor("evaluator"))).toBe("OK");
    expect(await outcome(monitor("admin"))).toBe("OK");
    expect(await outcome(monitor("lead2"))).toBe("FORBIDDEN");
    expect(await outcome(monitor("manager", 999_999))).toBe("NOT_FOUND");
    expect((await monitor("manager")).links).toEqual({ evaluate: true });
    expect((await monitor("lead")).links).toEqual({ evaluate: false });
  });
});
