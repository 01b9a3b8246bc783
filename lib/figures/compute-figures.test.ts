import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { computeFigures, type FiguresSource, scoreBucket, type SourceIndicator } from "./compute-figures";

const row = (over: Partial<SourceIndicator> = {}): SourceIndicator => ({
  id: 1,
  name: "数量",
  target: { op: ">=", value: "12", unit: "项" },
  measureType: "CUMULATIVE",
  weight: new Decimal(45),
  rule: "按照完成比例赋分",
  latest: null,
  ...over,
});

const source = (over: Partial<FiguresSource> = {}): FiguresSource => ({
  sheetId: 1,
  fiscalYearId: 1,
  unitId: 1,
  position: 1,
  kind: "PROJECT",
  status: "PUBLISHED",
  month: 6,
  fundsTotal: new Decimal(1200),
  adjustment: new Decimal(0),
  budgetExecutionWeight: null,
  indicators: [row(), row({ id: 2, name: "满意度", target: { qualitative: "有效推动" } })],
  executed: null,
  monthsSubmitted: 0,
  monthsApproved: 0,
  lastSubmittedMonth: null,
  lastApprovedMonth: null,
  final: null,
  ...over,
});

describe("computeFigures", () => {
  it("measures the latest value against the month's time progress; the sheet takes its worst row's light", () => {
    const f = computeFigures(
      source({
        indicators: [
          row({ latest: { month: 4, value: new Decimal(3), forecast: null } }),
          row({ id: 2, name: "定性", target: { qualitative: "有效推动" }, latest: { month: 5, value: "达成", forecast: null } }),
        ],
        executed: { month: 5, amount: new Decimal(500) },
      }),
    );
    expect(f.rows.map((r) => r.light.light)).toEqual(["red", "green"]);
    expect(f.row).toMatchObject({
      light: "red",
      // Values reported before the month measured are carried, and say so.
      lightReason: "取最差指标的预警：「数量」沿用4月的填报值：完成值 3 ÷ (指标值 12 × 6/12) = 50.00% < 60%",
      redCount: 1,
      greenCount: 1,
      latestMonth: 5,
      reportedCount: 2,
      executed: "500.00",
      executedMonth: 5,
      executionRate: "41.67",
      budgetLight: "green",
    });
    // 45 × 3/12 = 11.25, 45 for 达成, 10 × 500/1200 = 4.17.
    expect(f.row).toMatchObject({ projectedScore: "60.42", projectedGrade: "中", projectedComplete: true, score: "60.42", grade: "中", scoreBucket: 6 });
  });

  it("uses a forecast where one was entered", () => {
    const f = computeFigures(
      source({ indicators: [row({ latest: { month: 6, value: new Decimal(3), forecast: new Decimal(12) } })], budgetExecutionWeight: new Decimal(55) }),
    );
    expect(f.rows[0]!.projected).toMatchObject({ score: new Decimal(45) });
    expect(f.rows[0]!.projected.explanation).toMatch(/^按预计值 12 推算/);
  });

  it("shows a sheet with nothing reported as 待填报, without a projected score (not 0 and 差)", () => {
    const f = computeFigures(source({ executed: { month: 6, amount: new Decimal(100) } }));
    expect(f.light.label).toBe("待填报");
    expect(f.row).toMatchObject({
      light: null,
      lightReason: "尚未填报任何指标的完成值",
      budgetLight: "red",
      projectedScore: null,
      projectedGrade: null,
      score: null,
      grade: null,
      scoreBucket: null,
    });
  });

  it("keeps a row's light and its projected score in agreement (直接赋分 on schedule but short of its target)", () => {
    const f = computeFigures(
      source({ indicators: [row({ rule: "直接赋分", latest: { month: 6, value: new Decimal(6), forecast: null } })], budgetExecutionWeight: new Decimal(55) }),
    );
    expect(f.rows[0]!.projected.score?.toFixed(2)).toBe("0.00");
    expect(f.row).toMatchObject({ light: "yellow", yellowCount: 1, greenCount: 0 });
  });

  it("says why a sheet whose weights pass 100 has no projection", () => {
    const latest = { month: 6, value: new Decimal(6), forecast: null };
    const f = computeFigures(source({ indicators: [row({ weight: new Decimal(80), latest }), row({ id: 2, weight: new Decimal(30), latest })] }));
    expect(f.row).toMatchObject({
      projectedScore: null,
      projectedGrade: null,
      projectionError: "指标分值权重合计 110，超过 100",
      score: null,
      scoreBucket: null,
    });
  });

  it("takes the score and grade from the final evaluation once there is one", () => {
    const f = computeFigures(source({ final: { total: new Decimal("100.00"), grade: "优" } }));
    expect(f.row).toMatchObject({ finalScore: "100.00", finalGrade: "优", score: "100.00", grade: "优", scoreBucket: 9, projectedScore: null });
  });

  it.each([
    ["0", 0],
    ["9.99", 0],
    ["10", 1],
    ["59.99", 5],
    ["60", 6],
    ["89.99", 8],
    ["90", 9],
    ["100", 9],
  ])("puts %s points in bucket %i", (score, bucket) => {
    expect(scoreBucket(new Decimal(score))).toBe(bucket);
  });
});
