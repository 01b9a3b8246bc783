import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { type SaveEvaluationInput, type SaveEvaluationResult, writeEvaluation } from "./write-evaluation";

/**
 * The sheet's assigned lead saves their own year-end self-score, shown beside the evaluator's.
 * `self-evaluation.write`; refused (LOCKED) once the evaluator's evaluation is final.
 */
export function saveSelfEvaluation(prisma: PrismaClient, actor: Actor, input: SaveEvaluationInput): Promise<SaveEvaluationResult> {
  return writeEvaluation(prisma, actor, input, "SELF");
}
