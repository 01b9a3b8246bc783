import type { Target } from "@/lib/targets/types";
import type { Decimal } from "./decimal";

export const SCORING_RULES = ["按照完成比例赋分", "直接赋分", "按评判等级赋分", "满意度赋分"] as const;
/** The printed 指标赋分规则. `""`/`null` = the sheet prints no rule (department sheet): scored as proportional. */
export type ScoringRule = (typeof SCORING_RULES)[number];
export const isScoringRule = (rule: string): rule is ScoringRule => (SCORING_RULES as readonly string[]).includes(rule);

export const BANDS = ["达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"] as const;
/** The three bands an evaluator picks from for qualitative and 按评判等级赋分 rows (docs/scoring.md). */
export type Band = (typeof BANDS)[number];

/** An evaluator's judgement: a band and points inside that band's range. */
export interface Grading {
  band: Band;
  score: Decimal;
}

/** Points taken off (e.g. a target set too low); the reason is mandatory. */
export interface Deduction {
  points: Decimal;
  reason: string;
}

export interface RowInput {
  target: Target;
  weight: Decimal;
  rule?: ScoringRule | "" | null;
  actual?: Decimal | null;
  grading?: Grading | null;
  deduction?: Deduction | null;
}

/** How a row's points were earned; "graded" covers qualitative rows and every 按评判等级赋分 row. */
export type RowMethod = "proportional" | "direct" | "satisfaction" | "graded";

export type ScoreStatus = "scored" | "pending";

export interface RowScore {
  status: ScoreStatus;
  method: RowMethod;
  /** The weight: the most the row can earn. */
  max: Decimal;
  /** Rounded score before any deduction; null while pending. */
  baseScore: Decimal | null;
  /** Rounded deduction points as applied; null when none (or pending). */
  deduction: Decimal | null;
  /** Final rounded score `max(0, baseScore − deduction)`; null while pending (counts 0). */
  score: Decimal | null;
  /** Formula rows: whether the target was met; null for graded or pending rows. */
  met: boolean | null;
  /** A/T − 1 above the margin on a positive row with T > 0: the target may have been set too low. */
  overAchieved: boolean;
  /** Scored below its weight: a 偏差原因 is required before the evaluation can be finalised. */
  needsDeviationReason: boolean;
  /** How the points were earned, in Chinese, for 得分反查. */
  explanation: string;
}

export interface ScoringOptions {
  /** Over-achievement flag threshold on A/T − 1; default 0.20. */
  overAchievementMargin?: Decimal;
}

/** 等级 of a sheet's total. */
export type Grade = "优" | "良" | "中" | "差";

export interface BudgetInput {
  /** 年度预算总额 (万元). */
  total: Decimal;
  /** In-year adjustment (调整数), may be negative; 全年预算数 = total + adjustment. */
  adjustment?: Decimal | null;
  /** 全年执行数; absent → the budget part is pending. */
  executed?: Decimal | null;
}

export interface BudgetScore {
  status: ScoreStatus;
  /** W_b, the budget-execution weight. */
  max: Decimal;
  /** 全年预算数 = total + adjustment. */
  budget: Decimal;
  executed: Decimal | null;
  /** Execution rate in %, rounded half-up to 2 decimals (93.75); null while pending. */
  rate: Decimal | null;
  /** Rounded `min(rate × W_b, W_b)`; null while pending (counts 0). */
  score: Decimal | null;
  explanation: string;
}

export interface SheetInput {
  indicators: readonly RowInput[];
  budget: BudgetInput;
  /** W_b when set on the sheet; default `100 − Σ indicator weights`. */
  budgetExecutionWeight?: Decimal | null;
}

export interface SheetScore {
  rows: RowScore[];
  budget: BudgetScore;
  /** Sum of the rounded row scores and the rounded budget score (pending parts count 0). */
  total: Decimal;
  grade: Grade;
  /** False while any row or the budget part is pending. */
  complete: boolean;
}
