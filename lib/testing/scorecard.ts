import "server-only";
import Decimal from "decimal.js";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { QUALITATIVE_LABEL } from "@/lib/progress/labels";
import { fromTargetColumns } from "@/lib/columns/target-columns";
import { isQuantitative } from "@/lib/targets/types";
import { computeFigures, type FiguresRow, type SourceIndicator } from "@/lib/figures/compute-figures";
import { ALL_MONTHS } from "@/lib/figures/figures-source";
import { LIGHT_FROM_DB } from "@/lib/figures/labels";

/**
 * Test helpers: a sheet's figures recomputed from scratch — its rows read through plain Prisma queries (not the SQL
 * of figures-source.ts), the rule of compute-figures.ts applied — and the stored figures in the same shape, so a
 * test can prove the stored figures never disagree with the engine.
 */

/** A sheet's figures at `month`, from scratch. */
export async function scratchFigures(prisma: PrismaClient, sheetId: number, month: number): Promise<FiguresRow> {
  return (await scratchFiguresByMonth(prisma, sheetId, [month]))[0]!;
}

/** A sheet's figures at each of `months`, from scratch (its rows read once). */
export async function scratchFiguresByMonth(prisma: PrismaClient, sheetId: number, months: readonly number[]): Promise<FiguresRow[]> {
  const s = await prisma.targetSheet.findUniqueOrThrow({
    where: { id: sheetId },
    include: {
      fiscalYear: true,
      indicators: { orderBy: { position: "asc" }, include: { progressEntries: true } },
      months: true,
      budgetAdjustments: true,
      evaluations: true,
    },
  });
  return months.map((M) => scratchAt(s, M));
}

type ScratchSheet = Prisma.TargetSheetGetPayload<{
  include: { fiscalYear: true; indicators: { include: { progressEntries: true } }; months: true; budgetAdjustments: true; evaluations: true };
}>;

function scratchAt(s: ScratchSheet, M: number): FiguresRow {
  const indicators: SourceIndicator[] = s.indicators.map((i) => {
    const target = fromTargetColumns(i);
    const quantitative = isQuantitative(target);
    const entries = i.progressEntries
      .filter((e) => e.month <= M && (quantitative ? e.value !== null : e.qualitativeValue !== null))
      .sort((a, b) => b.month - a.month);
    const e = entries[0];
    return {
      id: i.id,
      name: i.name,
      target,
      measureType: i.measureType,
      weight: new Decimal(i.weight.toString()),
      rule: i.rule,
      latest: e
        ? {
            month: e.month,
            value: quantitative ? new Decimal(e.value!.toString()) : QUALITATIVE_LABEL[e.qualitativeValue!],
            forecast: e.forecast === null ? null : new Decimal(e.forecast.toString()),
          }
        : null,
    };
  });
  const spent = s.months.filter((m) => m.month <= M && m.executed !== null).sort((a, b) => b.month - a.month)[0];
  const submitted = s.months.filter((m) => m.month <= M && (m.status === "SUBMITTED" || m.status === "APPROVED"));
  const approved = s.months.filter((m) => m.month <= M && m.status === "APPROVED");
  const final = s.evaluations.find((e) => e.kind === "EVALUATOR" && e.status === "FINAL" && e.total !== null && e.grade !== null);
  return computeFigures({
    sheetId: s.id,
    fiscalYearId: s.fiscalYearId,
    unitId: s.unitId,
    position: s.position,
    kind: s.kind,
    status: s.status,
    month: M,
    fundsTotal: new Decimal(s.fundsTotal.toString()),
    adjustment: s.budgetAdjustments.filter((a) => a.month <= M).reduce((sum, a) => sum.plus(a.amount.toString()), new Decimal(0)),
    budgetExecutionWeight: s.budgetExecutionWeight === null ? null : new Decimal(s.budgetExecutionWeight.toString()),
    indicators,
    executed: spent ? { month: spent.month, amount: new Decimal(spent.executed!.toString()) } : null,
    monthsSubmitted: submitted.length,
    monthsApproved: approved.length,
    lastSubmittedMonth: submitted.length > 0 ? Math.max(...submitted.map((m) => m.month)) : null,
    lastApprovedMonth: approved.length > 0 ? Math.max(...approved.map((m) => m.month)) : null,
    final: final ? { total: new Decimal(final.total!.toString()), grade: final.grade! } : null,
  }).row;
}

const fixed = (d: { toFixed(n: number): string } | null) => (d === null ? null : d.toFixed(2));

/** The stored figures of a sheet at a month, in the shape of FiguresRow (and whether they are stale). */
export async function storedFigures(prisma: PrismaClient, sheetId: number, month: number): Promise<{ row: FiguresRow; stale: boolean }> {
  const f = await prisma.sheetFigures.findUniqueOrThrow({ where: { sheetId_month: { sheetId, month } } });
  return {
    stale: f.changeSeq !== f.computedSeq,
    row: {
      sheetId: f.sheetId,
      fiscalYearId: f.fiscalYearId,
      unitId: f.unitId,
      position: f.position,
      kind: f.kind,
      status: f.status,
      month: f.month,
      latestMonth: f.latestMonth,
      indicatorCount: f.indicatorCount,
      reportedCount: f.reportedCount,
      fundsTotal: f.fundsTotal.toFixed(2),
      budget: f.budget.toFixed(2),
      executed: fixed(f.executed),
      executedMonth: f.executedMonth,
      executionRate: fixed(f.executionRate),
      budgetLight: f.budgetLight === null ? null : LIGHT_FROM_DB[f.budgetLight],
      budgetLightReason: f.budgetLightReason,
      light: f.light === null ? null : LIGHT_FROM_DB[f.light],
      lightReason: f.lightReason,
      redCount: f.redCount,
      yellowCount: f.yellowCount,
      greenCount: f.greenCount,
      blueCount: f.blueCount,
      projectedScore: fixed(f.projectedScore),
      projectedGrade: f.projectedGrade,
      projectedComplete: f.projectedComplete,
      projectionError: f.projectionError,
      finalScore: fixed(f.finalScore),
      finalGrade: f.finalGrade,
      score: fixed(f.score),
      grade: f.grade,
      scoreBucket: f.scoreBucket,
      monthsSubmitted: f.monthsSubmitted,
      monthsApproved: f.monthsApproved,
      lastSubmittedMonth: f.lastSubmittedMonth,
      lastApprovedMonth: f.lastApprovedMonth,
    },
  };
}

/** Every sheet-month whose stored figures differ from a from-scratch recomputation (or are stale), with both versions. */
export async function disagreements(
  prisma: PrismaClient,
  months: readonly number[] = ALL_MONTHS,
): Promise<{ sheetId: number; month: number; stale: boolean; stored: FiguresRow; scratch: FiguresRow }[]> {
  const ids = (await prisma.targetSheet.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
  const out = [];
  for (const id of ids) {
    const scratches = await scratchFiguresByMonth(prisma, id, months);
    for (const [k, month] of months.entries()) {
      const { row, stale } = await storedFigures(prisma, id, month);
      const scratch = scratches[k]!;
      const differs = (Object.keys(scratch) as (keyof FiguresRow)[]).some((k) => row[k] !== scratch[k]);
      if (stale || differs) out.push({ sheetId: id, month, stale, stored: row, scratch });
    }
  }
  return out;
}

/** Writes a sheet's values for one month straight into the database (a test's quick way to have progress). */
export async function reportDirectly(prisma: PrismaClient, name: string, month: number, values: (string | null)[], executed?: string): Promise<number> {
  const sheet = await prisma.targetSheet.findFirstOrThrow({ where: { name }, include: { indicators: { orderBy: { position: "asc" } } } });
  const status = { 达成: "ACHIEVED", 部分达成: "PARTIAL", 未达成: "NOT_ACHIEVED" } as const;
  for (const [i, v] of values.entries()) {
    if (v === null) continue;
    const indicator = sheet.indicators[i]!;
    const qualitative = indicator.targetOp === null;
    await prisma.progressEntry.create({
      data: { indicatorId: indicator.id, month, ...(qualitative ? { qualitativeValue: status[v as keyof typeof status] } : { value: v }) },
    });
  }
  if (executed) await prisma.sheetMonth.create({ data: { sheetId: sheet.id, month, executed } });
  return sheet.id;
}

/** The scorecard tests' picture of the 2025 seed, reported in September: 两区 and 科普 red, 红山 yellow, 揭榜挂帅 blue, 配套 green and finally evaluated (92.50, 优). */
export async function reportSeedSample(prisma: PrismaClient): Promise<Record<"liangqu" | "peitao" | "kepu" | "hongshan" | "jiebang", number>> {
  const ids = {
    liangqu: await reportDirectly(prisma, "2025年“两区”创新建设专项", 9, ["1"], "800"),
    peitao: await reportDirectly(prisma, "落实2023年厅地联动市级配套专项资金", 9, ["1", "7", "7", "3", "1", "100", "达成"], "463.50"),
    kepu: await reportDirectly(prisma, "乌鲁木齐市系列科普工作", 9, ["0"]),
    hongshan: await reportDirectly(prisma, "2025年人才发展资金--红山科创英才培养项目（+上年结转资金）", 9, ["14"]),
    jiebang: await reportDirectly(prisma, "2025年人才发展资金--重点领域科技创新攻关“揭榜挂帅”项目（+上年结转资金）", 9, ["6"]),
  };
  await prisma.evaluation.create({
    data: { sheetId: ids.peitao, kind: "EVALUATOR", status: "FINAL", executed: "463.50", total: "92.50", grade: "优", finalisedAt: new Date() },
  });
  return ids;
}
