import type { EvaluationData, SheetEvaluationData } from "./evaluation-data";
import { BAND_OF } from "./labels";
import { toScoringRule } from "./row-checks";
import { isQuantitative } from "@/lib/targets/types";

/**
 * An evaluation as the `score` command's input (docs/formats.md): the same figures the page and the 自评表 score,
 * so `npm run score` gives the same total and grade. Used by tests and for checking a result by hand.
 */
export function toScoreInputDocument(data: SheetEvaluationData, evaluation: EvaluationData | null) {
  return {
    department: data.department,
    fiscalYear: data.year,
    sheets: [
      {
        name: data.name,
        funds: { total: data.funds.total, fiscal: data.funds.fiscal, other: data.funds.other },
        ...(data.adjustment !== "0" ? { budgetAdjustment: data.adjustment } : {}),
        ...(evaluation?.executed ? { executed: evaluation.executed } : {}),
        ...(data.budgetExecutionWeight !== null ? { budgetExecutionWeight: data.budgetExecutionWeight } : {}),
        indicators: data.indicators.map((indicator) => {
          const row = evaluation?.rows.get(indicator.id);
          return {
            name: indicator.name,
            targetRaw: indicator.targetRaw,
            target: indicator.target,
            weight: indicator.weight,
            rule: toScoringRule(indicator.rule),
            ...(row?.actual !== null && row?.actual !== undefined && isQuantitative(indicator.target) ? { actual: row.actual } : {}),
            ...(row?.band && row.gradeScore !== null ? { grade: { band: BAND_OF[row.band], score: row.gradeScore } } : {}),
            ...(row && row.deductionPoints !== null ? { deduction: { points: row.deductionPoints, reason: row.deductionReason } } : {}),
          };
        }),
      },
    ],
  };
}
