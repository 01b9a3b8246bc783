import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { fmt2 } from "@/lib/scoring/decimal";
import type { Grade } from "@/lib/scoring/types";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { assertPublished, loadEvaluationData } from "./evaluation-data";
import { finaliseProblems } from "./finalise-evaluation";
import { idSchema, versionSchema } from "@/lib/input";
import { scoreStored } from "./score-evaluation";
import { asJson } from "@/lib/audit/as-json";
import { evaluationSnapshot } from "./snapshots";

export const submitSelfEvaluationSchema = z.object({ sheetId: idSchema, version: versionSchema });
export type SubmitSelfEvaluationInput = z.input<typeof submitSelfEvaluationSchema>;

export interface SubmitSelfEvaluationResult {
  total: string;
  grade: Grade;
  version: number;
}

/**
 * The sheet's lead submits their 自评 (`self-evaluation.write`): complete by the same rules as the evaluator's
 * 定稿 (every row scored, a 偏差原因 where a row scores below its weight, 全年执行数), it records its total and grade
 * and is locked (FINAL); a manager may reopen it while the evaluator's evaluation is not final. The evaluator
 * finalises without a reason only once it is submitted (docs/scoring.md).
 */
export async function submitSelfEvaluation(prisma: PrismaClient, actor: Actor, input: SubmitSelfEvaluationInput): Promise<SubmitSelfEvaluationResult> {
  const data = parseInput(submitSelfEvaluationSchema, input);
  return writeSheet(prisma, actor, { sheetId: data.sheetId, action: "self-evaluation.write", load: loadEvaluationData }, async (sheet, { tx, audit }) => {
    assertPublished(sheet);
    const current = sheet.evaluations.SELF;
    if (sheet.evaluations.EVALUATOR?.status === "FINAL") throw new AppError("LOCKED", "年终评价已定稿，自评已锁定，不能再提交");
    if (!current) throw new AppError("INVALID", "尚未保存自评，请先填写并保存后再提交");
    if (current.status === "FINAL") throw new AppError("LOCKED", "自评已提交，已锁定");
    if (current.version !== data.version) throw new AppError("CONFLICT", "自评在你查看期间已被修改，请刷新页面核对后再提交");

    const scored = scoreStored(sheet, current);
    const problems = finaliseProblems(sheet, current, scored);
    if (problems.length > 0) throw new AppError("INVALID", `不能提交自评：还有 ${problems.length} 处需要补充`, problems);

    const total = fmt2(scored.score.total);
    const updated = await tx.evaluation.updateMany({
      where: { id: current.id, version: current.version, status: "DRAFT" },
      data: { status: "FINAL", total, grade: scored.score.grade, finalisedAt: new Date(), finalisedById: actorId(actor), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "自评在你查看期间已被修改，请刷新页面核对后再提交");
    const after = await tx.evaluation.findUniqueOrThrow({ where: { id: current.id } });
    await audit({
      action: "self-evaluation.submit",
      entityType: "Evaluation",
      entityId: current.id,
      before: asJson(evaluationSnapshot({ ...current, sheetId: sheet.id })),
      after: asJson(evaluationSnapshot(after)),
    });
    return { total, grade: scored.score.grade, version: after.version };
  });
}
