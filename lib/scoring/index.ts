// The one scoring engine (docs/scoring.md; lights and projections: docs/monitoring.md; the score command's I/O:
// docs/formats.md). The scorecard, the 自评表, the server and the CLI all use these.
export { Decimal, round2, fmt2 } from "./decimal";
export * from "./types";
export { bandRange, bandForScore, describeBandRange, formatBandRange, inBandRange, isBand, validateGrade } from "./bands";
export type { BandRange, GradeCheck } from "./bands";
export { validateDeduction, type DeductionCheck } from "./deduction";
export { scoreFormula, type FormulaMethod, type FormulaResult } from "./formula";
export { completionRatio, DEFAULT_OVER_ACHIEVEMENT_MARGIN, isOverAchieved } from "./over-achievement";
export { isGraded, PENDING_ACTUAL, PENDING_GRADE, scoreRow } from "./row-score";
export { fullYearBudget, scoreBudgetExecution } from "./budget";
export { resolveBudgetWeight, type BudgetWeightCheck } from "./weights";
export { gradeOf } from "./grade";
export { scoreSheet, totalSheet } from "./sheet-score";
export { LIGHT_LABELS, PENDING_LIGHT_LABEL, sheetLight, timeProgress, type Light, type LightResult } from "./lights";
export { budgetLight } from "./budget-light";
export {
  indicatorLight,
  isQualitativeStatus,
  QUALITATIVE_STATUSES,
  type IndicatorLightInput,
  type QualitativeStatus,
} from "./indicator-light";
export { projectedSheetScore, projectedTotal, projectionOrError, projectRow, type ProjectionInput, type ProjectionRow } from "./projection";
export { rowSignal, type RowSignal, type RowSignalInput } from "./row-signal";
export { scoreInputSchema, type ScoreInputData } from "./score-input-schema";
export { checkScoreInput, checkTargetObject, type InputIssue } from "./score-input-checks";
export { scoreInput, type ScoreInputResult } from "./score-input";
export type { ScoreOutput, ScoreOutputSheet } from "./score-output";
