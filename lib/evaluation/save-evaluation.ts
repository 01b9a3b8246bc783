import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { type SaveEvaluationInput, type SaveEvaluationResult, writeEvaluation } from "./write-evaluation";

/**
 * The assigned evaluator saves the year-end evaluation (a draft): final actuals, bands and in-band scores,
 * deductions with reasons, deviation reasons, 全年执行数. `evaluation.write`; refused (LOCKED) once final.
 */
export function saveEvaluation(prisma: PrismaClient, actor: Actor, input: SaveEvaluationInput): Promise<SaveEvaluationResult> {
  return writeEvaluation(prisma, actor, input, "EVALUATOR");
}
