import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { loadSheetScope } from "@/lib/sheets/sheet-scope";
import { type Db, loadEvaluationData } from "./evaluation-data";
import { buildEvaluationView, type EvaluationView } from "./evaluation-view";
import { idSchema } from "@/lib/input";

export const getEvaluationSchema = z.object({ sheetId: idSchema });
export type GetEvaluationInput = z.input<typeof getEvaluationSchema>;

/**
 * A sheet's year-end evaluation for the page (`sheet.read`): header, budget (年初预算数, 全年预算数 with the in-year
 * adjustments, 全年执行数), each row with target, weight, final actual, band ranges, over-achievement, deduction,
 * deviation reason and the engine's score with its explanation, the other party's score beside, and the total.
 * The assigned evaluator edits the evaluator's evaluation, the assigned lead their self-evaluation; others read.
 */
export async function getEvaluation(db: Db, actor: Actor, input: GetEvaluationInput): Promise<EvaluationView> {
  const { sheetId } = parseInput(getEvaluationSchema, input);
  const scope = await loadSheetScope(db, sheetId);
  if (!scope) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
  authorize(actor, { type: "sheet.read", sheet: scope });
  const data = await loadEvaluationData(db, sheetId);
  return buildEvaluationView(data, actor);
}
