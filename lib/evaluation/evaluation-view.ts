import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import type { Problem } from "@/lib/errors";
import type { EvaluationKind, QualitativeStatus } from "@/lib/generated/prisma/enums";
import { bandRange, formatBandRange } from "@/lib/scoring/bands";
import { Decimal, fmt2, fmtPlain } from "@/lib/scoring/decimal";
import { completionRatio } from "@/lib/scoring/over-achievement";
import { BANDS, type Band, type Grade, type RowMethod, type RowScore, type ScoreStatus } from "@/lib/scoring/types";
import { isQuantitative, type Target } from "@/lib/targets/types";
import type { EvaluationData, SheetEvaluationData } from "./evaluation-data";
import { finaliseProblems } from "./finalise-evaluation";
import { BAND_OF, type EvaluationState, formatTimestamp, KIND_LABEL } from "./labels";
import { allowsPercent, isGradedRow, type RowTyped } from "./row-checks";
import { prefillActual, prefillExecuted, scoreStored, scoreWith, type ScoredValues, storedValues } from "./score-evaluation";

/** Everything the evaluation page shows, as plain serialisable data (decimals as strings). */

/** evaluator: the assigned evaluator's form; self: the lead's self-evaluation; readonly: everyone else who may read. */
export type EvaluationMode = "evaluator" | "self" | "readonly";

export interface RowScoreView {
  status: ScoreStatus;
  method: RowMethod;
  max: string;
  baseScore: string | null;
  deduction: string | null;
  score: string | null;
  met: boolean | null;
  overAchieved: boolean;
  needsDeviationReason: boolean;
  explanation: string;
}

export interface BandOption {
  band: Band;
  min: string;
  max: string;
  maxInclusive: boolean;
  /** `32.00–40.00`. */
  range: string;
}

/** The other party's figures for a row (the lead's self-score beside the evaluator's, or the other way round). */
export interface BesideRowView {
  actual: string | null;
  band: Band | null;
  gradeScore: string | null;
  deduction: string | null;
  score: RowScoreView;
  deviationReason: string;
}

export interface EvaluationRowView {
  indicatorId: number;
  position: number;
  level1: string;
  level2: string;
  name: string;
  targetRaw: string;
  target: Target;
  /** Points, 2 decimals. */
  weight: string;
  rule: string;
  graded: boolean;
  unit: string;
  allowPercent: boolean;
  /** The three bands with their ranges for this weight; null on formula rows. */
  bands: BandOption[] | null;
  /** What the form shows: the stored values, with a missing actual prefilled from the year's progress. */
  values: RowTyped;
  /** What is stored ("" for none): a form differing from it has unsaved changes. */
  saved: RowTyped;
  /** The progress month a shown actual came from, when it was prefilled (not yet saved). */
  prefilledFrom: number | null;
  /** A/T in %, 2 decimals, on quantitative rows with T > 0 and an actual. */
  completion: string | null;
  score: RowScoreView;
  /** Scored below its weight without a deviation reason: finalising is refused until it has one. */
  missingDeviationReason: boolean;
  /** Stored values the engine refuses (a grade outside the band of an adjusted weight). */
  issues: string[];
  beside: BesideRowView | null;
  /** The lead's year of progress: month → value as reported. */
  progress: { month: number; text: string }[];
}

export interface EvaluationView {
  sheet: {
    id: number;
    kind: "PROJECT" | "DEPARTMENT";
    published: boolean;
    year: number;
    unit: string;
    department: string;
    name: string;
    lead: string;
    goal: string;
  };
  mode: EvaluationMode;
  /** The evaluation the page edits or shows. */
  kind: EvaluationKind;
  /**
   * write: save; finalise: the evaluator's 定稿; submit: the lead's 提交自评; reopen: a manager reopens the evaluator's
   * final evaluation; reopenSelf: a manager reopens the lead's submitted 自评 (while the evaluation is not final).
   */
  can: { write: boolean; finalise: boolean; submit: boolean; reopen: boolean; reopenSelf: boolean };
  /** The lead's 自评 as far as 定稿 depends on it: submitted (FINAL) or not, and when. */
  self: { state: EvaluationState; submittedAt: string | null; version: number };
  evaluation: {
    id: number | null;
    state: EvaluationState;
    version: number;
    /** Recorded when finalised. */
    total: string | null;
    grade: string | null;
    finalisedAt: string | null;
    finalisedBy: string | null;
    reopenReason: string;
    /** Why the evaluator finalised before the lead's 自评 was submitted; "" otherwise. */
    earlyFinaliseReason: string;
    updatedAt: string | null;
  };
  budget: {
    /** 年初预算数 = 年度预算总额. */
    initial: string;
    /** Σ in-year adjustments. */
    adjustment: string;
    /** 全年预算数. */
    fullYear: string;
    weight: string;
    /** 全年执行数 as the form shows it, and as stored. */
    executed: string;
    savedExecuted: string;
    prefilledFrom: number | null;
    status: ScoreStatus;
    rate: string | null;
    score: string | null;
    explanation: string;
  };
  rows: EvaluationRowView[];
  /** The engine's total over what the form shows. */
  result: { total: string; grade: Grade; complete: boolean; maxTotal: string };
  beside: { kind: EvaluationKind; label: string; state: EvaluationState; total: string; grade: Grade; complete: boolean; executed: string | null } | null;
  executedByMonth: { month: number; executed: string }[];
  /** What finalising would refuse now, from the stored evaluation (evaluator's draft only). */
  finaliseProblems: Problem[];
}

const QUALITATIVE_TEXT: Readonly<Record<QualitativeStatus, string>> = { ACHIEVED: "达成", PARTIAL: "部分达成", NOT_ACHIEVED: "未达成" };

export const rowScoreView = (r: RowScore): RowScoreView => ({
  status: r.status,
  method: r.method,
  max: fmt2(r.max),
  baseScore: r.baseScore === null ? null : fmt2(r.baseScore),
  deduction: r.deduction === null ? null : fmt2(r.deduction),
  score: r.score === null ? null : fmt2(r.score),
  met: r.met,
  overAchieved: r.overAchieved,
  needsDeviationReason: r.needsDeviationReason,
  explanation: r.explanation,
});

const stateOf = (e: EvaluationData | null): EvaluationState => e?.status ?? "NONE";

function typedOf(e: EvaluationData | null, indicatorId: number): RowTyped {
  const row = e?.rows.get(indicatorId);
  return {
    actual: row?.actual ?? "",
    band: row?.band ? BAND_OF[row.band] : "",
    gradeScore: row?.gradeScore ?? "",
    deductionPoints: row?.deductionPoints ?? "",
    deductionReason: row?.deductionReason ?? "",
    deviationReason: row?.deviationReason ?? "",
  };
}

/** The page's view of one sheet's evaluation for this actor. */
export function buildEvaluationView(data: SheetEvaluationData, actor: Actor): EvaluationView {
  const scope = data.scope;
  const mode: EvaluationMode = can(actor, { type: "evaluation.write", sheet: scope })
    ? "evaluator"
    : can(actor, { type: "self-evaluation.write", sheet: scope })
      ? "self"
      : "readonly";
  const kind: EvaluationKind = mode === "self" ? "SELF" : "EVALUATOR";
  const main = data.evaluations[kind];
  const final = data.evaluations.EVALUATOR?.status === "FINAL";
  const state = stateOf(main);
  const published = data.status === "PUBLISHED";
  const write = published && (mode === "evaluator" ? state !== "FINAL" : mode === "self" ? state !== "FINAL" && !final : false);
  const self = data.evaluations.SELF;
  const mayReopen = can(actor, { type: "evaluation.reopen", sheet: scope });
  const canDo = {
    write,
    finalise: published && mode === "evaluator" && state === "DRAFT",
    submit: write && mode === "self" && state === "DRAFT",
    reopen: final && mayReopen,
    reopenSelf: !final && self?.status === "FINAL" && mayReopen,
  };

  // What the form shows: stored values; where an actual or 全年执行数 is missing, the year's progress (to be saved).
  const prefilled = new Map<number, { value: string; month: number }>();
  const shownValues = (indicatorId: number): ScoredValues => {
    const stored = storedValues(main, indicatorId);
    const indicator = data.indicators.find((i) => i.id === indicatorId)!;
    if (write && stored.actual === null && isQuantitative(indicator.target)) {
      const p = prefillActual(data, indicatorId);
      if (p) {
        prefilled.set(indicatorId, p);
        return { ...stored, actual: p.value };
      }
    }
    return stored;
  };
  const executedPrefill = write && (main?.executed ?? null) === null ? prefillExecuted(data) : null;
  const shownExecuted = executedPrefill?.value ?? main?.executed ?? null;
  const shown = scoreWith(data, (i) => shownValues(i.id), shownExecuted);

  const besideKind: EvaluationKind | null = mode === "self" ? (final ? "EVALUATOR" : null) : "SELF";
  const besideEval = besideKind ? data.evaluations[besideKind] : null;
  const besideScore = besideKind ? scoreStored(data, besideEval) : null;

  const rows: EvaluationRowView[] = data.indicators.map((indicator, i) => {
    const result = shown.score.rows[i]!;
    const values = typedOf(main, indicator.id);
    const p = prefilled.get(indicator.id);
    if (p) values.actual = p.value;
    const weight = new Decimal(indicator.weight);
    const graded = isGradedRow(indicator);
    const T = isQuantitative(indicator.target) ? new Decimal(indicator.target.value) : null;
    const A = shownValues(indicator.id).actual;
    const ratio = T !== null && A !== null ? completionRatio(T, new Decimal(A)) : null;
    const besideRow = besideEval?.rows.get(indicator.id);
    return {
      indicatorId: indicator.id,
      position: indicator.position,
      level1: indicator.level1,
      level2: indicator.level2,
      name: indicator.name,
      targetRaw: indicator.targetRaw,
      target: indicator.target,
      weight: fmt2(weight),
      rule: indicator.rule,
      graded,
      unit: isQuantitative(indicator.target) ? indicator.target.unit : "",
      allowPercent: allowsPercent(indicator.target),
      bands: graded
        ? BANDS.map((band) => {
            const r = bandRange(band, weight);
            return { band, min: fmt2(r.min), max: fmt2(r.max), maxInclusive: r.maxInclusive, range: formatBandRange(r) };
          })
        : null,
      values,
      saved: typedOf(main, indicator.id),
      prefilledFrom: p?.month ?? null,
      completion: ratio === null ? null : fmt2(ratio.times(100)),
      score: rowScoreView(result),
      missingDeviationReason: result.needsDeviationReason && values.deviationReason.trim() === "",
      issues: (shown.issues.get(indicator.id) ?? []).map((issue) => issue.message),
      beside:
        besideScore && besideEval
          ? {
              actual: besideRow?.actual ?? null,
              band: besideRow?.band ? BAND_OF[besideRow.band] : null,
              gradeScore: besideRow?.gradeScore ?? null,
              deduction: besideRow?.deductionPoints ?? null,
              score: rowScoreView(besideScore.score.rows[i]!),
              deviationReason: besideRow?.deviationReason ?? "",
            }
          : null,
      progress: (data.progress.get(indicator.id) ?? [])
        .filter((pt) => pt.value !== null || pt.qualitativeValue !== null)
        .map((pt) => ({
          month: pt.month,
          text:
            pt.value !== null
              ? `${fmtPlain(new Decimal(pt.value))}${isQuantitative(indicator.target) ? indicator.target.unit : ""}`
              : QUALITATIVE_TEXT[pt.qualitativeValue!],
        })),
    };
  });

  const b = shown.score.budget;
  const maxTotal = rows.reduce((sum, r) => sum.plus(r.weight), new Decimal(0)).plus(b.max);
  return {
    sheet: {
      id: data.id,
      kind: data.kind,
      published,
      year: data.year,
      unit: data.unit,
      department: data.department,
      name: data.name,
      lead: data.lead,
      goal: data.goal,
    },
    mode,
    kind,
    can: canDo,
    self: {
      state: stateOf(self),
      submittedAt: self?.status === "FINAL" && self.finalisedAt ? formatTimestamp(self.finalisedAt) : null,
      version: self?.version ?? 0,
    },
    evaluation: {
      id: main?.id ?? null,
      state,
      version: main?.version ?? 0,
      total: main?.total === null || main?.total === undefined ? null : fmt2(new Decimal(main.total)),
      grade: main?.grade ?? null,
      finalisedAt: main?.finalisedAt ? formatTimestamp(main.finalisedAt) : null,
      finalisedBy: main?.finalisedBy ?? null,
      reopenReason: main?.reopenReason ?? "",
      earlyFinaliseReason: main?.earlyFinaliseReason ?? "",
      updatedAt: main ? formatTimestamp(main.updatedAt) : null,
    },
    budget: {
      initial: fmt2(new Decimal(data.funds.total)),
      adjustment: fmt2(new Decimal(data.adjustment)),
      fullYear: fmt2(b.budget),
      weight: fmt2(b.max),
      executed: shownExecuted ?? "",
      savedExecuted: main?.executed ?? "",
      prefilledFrom: executedPrefill?.month ?? null,
      status: b.status,
      rate: b.rate === null ? null : fmt2(b.rate),
      score: b.score === null ? null : fmt2(b.score),
      explanation: b.explanation,
    },
    rows,
    result: { total: fmt2(shown.score.total), grade: shown.score.grade, complete: shown.score.complete, maxTotal: fmt2(maxTotal) },
    beside:
      besideKind && besideScore
        ? {
            kind: besideKind,
            label: KIND_LABEL[besideKind],
            state: stateOf(besideEval),
            total: fmt2(besideScore.score.total),
            grade: besideScore.score.grade,
            complete: besideScore.score.complete,
            executed: besideEval?.executed ?? null,
          }
        : null,
    executedByMonth: data.executedByMonth.map((m) => ({ month: m.month, executed: fmt2(new Decimal(m.executed)) })),
    finaliseProblems: canDo.finalise && main ? finaliseProblems(data, main) : [],
  };
}
