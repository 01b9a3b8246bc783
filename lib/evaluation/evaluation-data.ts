import "server-only";
import { Decimal } from "@/lib/scoring/decimal";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvaluationKind, EvaluationStatus, GradeBand, QualitativeStatus, SheetKind, SheetStatus } from "@/lib/generated/prisma/enums";
import type { SheetScope } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/sheets/sheet-lock";
import { sheetScopeInclude, toSheetScope } from "@/lib/sheets/sheet-scope";
import { indicatorHead } from "@/lib/columns/target-columns";
import type { Target } from "@/lib/targets/types";

export type { Db } from "@/lib/sheets/sheet-lock";

export interface IndicatorData {
  id: number;
  position: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  target: Target;
  /** Points, as stored (`"10"`). */
  weight: string;
  rule: string;
}

export interface EvaluationRowData {
  id: number;
  indicatorId: number;
  actual: string | null;
  band: GradeBand | null;
  gradeScore: string | null;
  deductionPoints: string | null;
  deductionReason: string;
  deviationReason: string;
  version: number;
}

export interface EvaluationData {
  id: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  executed: string | null;
  total: string | null;
  grade: string | null;
  finalisedAt: Date | null;
  finalisedBy: string | null;
  reopenReason: string;
  /** Why the evaluator finalised before the lead's 自评 was submitted; "" otherwise. */
  earlyFinaliseReason: string;
  version: number;
  updatedAt: Date;
  /** By indicator id. */
  rows: Map<number, EvaluationRowData>;
}

/** A lead's in-year record of a row, as far as the year-end evaluation shows it. */
export interface ProgressPoint {
  month: number;
  value: string | null;
  qualitativeValue: QualitativeStatus | null;
}

/** Everything about one sheet that its year-end evaluation and 自评表 need. */
export interface SheetEvaluationData {
  id: number;
  kind: SheetKind;
  /** Only a published sheet is evaluated. */
  status: SheetStatus;
  year: number;
  unit: string;
  department: string;
  name: string;
  lead: string;
  goal: string;
  scope: SheetScope;
  funds: { total: string; fiscal: string; other: string };
  budgetExecutionWeight: string | null;
  /** Σ BudgetAdjustment amounts (万元), "0" when none. */
  adjustment: string;
  indicators: IndicatorData[];
  /** Per indicator id, months ascending. */
  progress: Map<number, ProgressPoint[]>;
  /** 执行数 at month end, months ascending, only months that have one. */
  executedByMonth: { month: number; executed: string }[];
  evaluations: Record<EvaluationKind, EvaluationData | null>;
}

const str = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

/** What scoring needs; the in-year record (months, progress entries) is read only when asked for. */
const scoringInclude = {
  ...sheetScopeInclude,
  unit: { select: { departmentId: true, name: true, department: { select: { name: true } } } },
  fiscalYear: { select: { year: true } },
  indicators: { orderBy: { position: "asc" } },
  budgetAdjustments: { select: { amount: true } },
  evaluations: { include: { rows: true, finalisedBy: { select: { displayName: true } } } },
} satisfies Prisma.TargetSheetInclude;

const evaluationInclude = {
  ...scoringInclude,
  months: { where: { executed: { not: null } }, orderBy: { month: "asc" }, select: { month: true, executed: true } },
} satisfies Prisma.TargetSheetInclude;

type EvaluationSheetRow = Prisma.TargetSheetGetPayload<{ include: typeof scoringInclude }> &
  Partial<Pick<Prisma.TargetSheetGetPayload<{ include: typeof evaluationInclude }>, "months">>;
type EvaluationRecord = EvaluationSheetRow["evaluations"][number];

export interface LoadOptions {
  /**
   * False: leave out the in-year record (`progress` and `executedByMonth` come back empty), for a caller
   * that only scores stored evaluations (the 待评价 list). Default true.
   */
  progress?: boolean;
}

/** Loads a sheet for its evaluation; NOT_FOUND when there is no such sheet. */
export async function loadEvaluationData(db: Db, sheetId: number): Promise<SheetEvaluationData> {
  const [sheet] = await loadEvaluationDataMany(db, [sheetId]);
  if (!sheet) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  return sheet;
}

/** Loads many sheets for their evaluations in two queries, in the order of `sheetIds`; missing ids are left out. */
export async function loadEvaluationDataMany(db: Db, sheetIds: number[], options: LoadOptions = {}): Promise<SheetEvaluationData[]> {
  if (sheetIds.length === 0) return [];
  const withProgress = options.progress ?? true;
  const where = { id: { in: sheetIds } };
  const sheets: EvaluationSheetRow[] = withProgress
    ? await db.targetSheet.findMany({ where, include: evaluationInclude })
    : await db.targetSheet.findMany({ where, include: scoringInclude });
  const progress = withProgress ? await loadProgress(db, sheetIds) : new Map<number, ProgressPoint[]>();
  const byId = new Map(sheets.map((sheet) => [sheet.id, toEvaluationData(sheet, progress)]));
  return sheetIds.flatMap((id) => byId.get(id) ?? []);
}

/** The progress entries of these sheets' rows, per indicator id, months ascending. */
async function loadProgress(db: Db, sheetIds: number[]): Promise<Map<number, ProgressPoint[]>> {
  const entries = await db.progressEntry.findMany({
    where: { indicator: { sheetId: { in: sheetIds } } },
    orderBy: [{ indicatorId: "asc" }, { month: "asc" }],
    select: { indicatorId: true, month: true, value: true, qualitativeValue: true },
  });
  const progress = new Map<number, ProgressPoint[]>();
  for (const e of entries) {
    const list = progress.get(e.indicatorId) ?? [];
    list.push({ month: e.month, value: str(e.value), qualitativeValue: e.qualitativeValue });
    progress.set(e.indicatorId, list);
  }
  return progress;
}

function toEvaluationData(sheet: EvaluationSheetRow, allProgress: Map<number, ProgressPoint[]>): SheetEvaluationData {
  const evaluation = (kind: EvaluationKind): EvaluationData | null => {
    const ev = sheet.evaluations.find((e) => e.kind === kind);
    return ev ? toEvaluation(ev) : null;
  };
  const progress = new Map(sheet.indicators.flatMap((i) => (allProgress.has(i.id) ? [[i.id, allProgress.get(i.id)!] as const] : [])));
  return {
    id: sheet.id,
    kind: sheet.kind,
    status: sheet.status,
    year: sheet.fiscalYear.year,
    unit: sheet.unit.name,
    department: sheet.unit.department.name,
    name: sheet.name,
    lead: sheet.lead,
    goal: sheet.goal,
    scope: toSheetScope(sheet),
    funds: { total: sheet.fundsTotal.toString(), fiscal: sheet.fundsFiscal.toString(), other: sheet.fundsOther.toString() },
    budgetExecutionWeight: str(sheet.budgetExecutionWeight),
    adjustment: sheet.budgetAdjustments.reduce((sum, a) => sum.plus(a.amount.toString()), new Decimal(0)).toFixed(),
    indicators: sheet.indicators.map((i) => ({
      ...indicatorHead(i),
      weight: i.weight.toString(),
      rule: i.rule,
    })),
    progress,
    executedByMonth: (sheet.months ?? []).map((m) => ({ month: m.month, executed: m.executed!.toString() })),
    evaluations: { SELF: evaluation("SELF"), EVALUATOR: evaluation("EVALUATOR") },
  };
}

function toEvaluation(ev: EvaluationRecord): EvaluationData {
  return {
    id: ev.id,
    kind: ev.kind,
    status: ev.status,
    executed: str(ev.executed),
    total: str(ev.total),
    grade: ev.grade,
    finalisedAt: ev.finalisedAt,
    finalisedBy: ev.finalisedBy?.displayName ?? null,
    reopenReason: ev.reopenReason,
    earlyFinaliseReason: ev.earlyFinaliseReason,
    version: ev.version,
    updatedAt: ev.updatedAt,
    rows: new Map(
      ev.rows.map((r) => [
        r.indicatorId,
        {
          id: r.id,
          indicatorId: r.indicatorId,
          actual: str(r.actual),
          band: r.band,
          gradeScore: str(r.gradeScore),
          deductionPoints: str(r.deductionPoints),
          deductionReason: r.deductionReason,
          deviationReason: r.deviationReason,
          version: r.version,
        },
      ]),
    ),
  };
}

/** Year-end evaluation is of published targets: a draft or submitted sheet is refused. */
export function assertPublished(sheet: Pick<SheetEvaluationData, "status">): void {
  if (sheet.status !== "PUBLISHED") throw new AppError("INVALID", "该绩效目标表尚未发布，发布后才能进行年终评价");
}
