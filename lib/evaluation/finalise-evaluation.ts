import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type Actor, actorId } from "@/lib/auth/actor";
import { AppError, type Problem } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { fmt2 } from "@/lib/scoring/decimal";
import type { Grade } from "@/lib/scoring/types";
import { notifyEvaluation } from "@/lib/notifications/sheet-events";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { assertPublished, type EvaluationData, type SheetEvaluationData, loadEvaluationData } from "./evaluation-data";
import { idSchema, textOf, TEXT_MAX, versionSchema } from "@/lib/input";
import { isGradedRow } from "./row-checks";
import { type EvaluationScore, scoreStored } from "./score-evaluation";
import { asJson } from "@/lib/audit/as-json";
import { evaluationSnapshot } from "./snapshots";

export const finaliseEvaluationSchema = z.object({
  sheetId: idSchema,
  version: versionSchema,
  /** Why the evaluation is finalised before the lead submitted their 自评; required exactly then. */
  earlyReason: textOf("提前定稿原因", { max: TEXT_MAX.reason, multiline: true }).default(""),
});
export type FinaliseEvaluationInput = z.input<typeof finaliseEvaluationSchema>;

export interface FinaliseEvaluationResult {
  /** Two decimals, from the scoring engine: the sum of the rounded parts. */
  total: string;
  grade: Grade;
  version: number;
}

/**
 * What stands between a draft and a final evaluation, row by row: a missing actual or grade (incomplete), a
 * stored grade or deduction the engine refuses, a row scored below its weight without 偏差原因, a missing 全年执行数.
 */
export function finaliseProblems(sheet: SheetEvaluationData, evaluation: EvaluationData, scored: EvaluationScore = scoreStored(sheet, evaluation)): Problem[] {
  const { score, issues } = scored;
  const problems: Problem[] = [];
  sheet.indicators.forEach((indicator, i) => {
    const name = `「${indicator.name}」`;
    const at = (field: string) => `rows.${indicator.id}.${field}`;
    const row = evaluation.rows.get(indicator.id);
    const result = score.rows[i]!;
    for (const issue of issues.get(indicator.id) ?? []) {
      problems.push({ path: at(issue.field), message: `${name}${issue.message}` });
    }
    if (result.status === "pending") {
      if (!(issues.get(indicator.id) ?? []).some((issue) => issue.field === "gradeScore")) {
        const field = isGradedRow(indicator) ? "band" : "actual";
        problems.push({ path: at(field), message: `${name}${result.explanation.replace(/^待评：/, "")}` });
      }
    } else if (result.needsDeviationReason && !row?.deviationReason.trim()) {
      problems.push({
        path: at("deviationReason"),
        message: `${name}得分 ${fmt2(result.score!)} 低于分值 ${fmt2(result.max)}，请填写偏差原因分析及改进措施`,
      });
    }
  });
  if (score.budget.status === "pending") problems.push({ path: "executed", message: `预算执行率：${score.budget.explanation.replace(/^待评：/, "")}` });
  return problems;
}

export const EARLY_REASON_REQUIRED = "负责人尚未提交自评：如需现在定稿，请填写提前定稿的原因";

/**
 * The assigned evaluator finalises the year-end evaluation: refused, listing every row, while anything is missing;
 * refused too before the lead has submitted their 自评, unless the evaluator says why (the reason is kept with the
 * evaluation and printed on the 自评表). Otherwise records the engine's total and grade and locks the evaluation
 * (FINAL) until a manager reopens it.
 */
export async function finaliseEvaluation(prisma: PrismaClient, actor: Actor, input: FinaliseEvaluationInput): Promise<FinaliseEvaluationResult> {
  const data = parseInput(finaliseEvaluationSchema, input);
  return writeSheet(prisma, actor, { sheetId: data.sheetId, action: "evaluation.write", load: loadEvaluationData }, async (sheet, { tx, audit }) => {
    assertPublished(sheet);
    const current = sheet.evaluations.EVALUATOR;
    if (!current) throw new AppError("INVALID", "尚未保存年终评价，请先填写并保存后再定稿");
    if (current.status === "FINAL") throw new AppError("LOCKED", "年终评价已定稿，已锁定");
    if (current.version !== data.version) throw new AppError("CONFLICT", "评价在你查看期间已被修改，请刷新页面核对后再定稿");

    const scored = scoreStored(sheet, current);
    const problems = finaliseProblems(sheet, current, scored);
    const selfSubmitted = sheet.evaluations.SELF?.status === "FINAL";
    if (!selfSubmitted && data.earlyReason === "") problems.push({ path: "earlyReason", message: EARLY_REASON_REQUIRED });
    if (problems.length > 0) throw new AppError("INVALID", `不能定稿：还有 ${problems.length} 处需要补充`, problems);

    const { score } = scored;
    const total = fmt2(score.total);
    const updated = await tx.evaluation.updateMany({
      where: { id: current.id, version: current.version, status: "DRAFT" },
      data: {
        status: "FINAL",
        total,
        grade: score.grade,
        finalisedAt: new Date(),
        finalisedById: actorId(actor),
        earlyFinaliseReason: selfSubmitted ? "" : data.earlyReason,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "评价在你查看期间已被修改，请刷新页面核对后再定稿");
    const after = await tx.evaluation.findUniqueOrThrow({ where: { id: current.id } });
    await audit({
      action: "evaluation.finalise",
      entityType: "Evaluation",
      entityId: current.id,
      before: asJson(evaluationSnapshot({ ...current, sheetId: sheet.id })),
      after: asJson(evaluationSnapshot(after)),
    });
    const early = selfSubmitted ? "" : `提前定稿原因：${data.earlyReason}`;
    await notifyEvaluation(tx, {
      type: "EVALUATION_FINALISED",
      sheetId: sheet.id,
      version: after.version,
      detail: [`总分 ${total}，等级「${score.grade}」`, early].filter(Boolean).join("\n"),
      actor,
      at: after.finalisedAt ?? new Date(),
    });
    return { total, grade: score.grade, version: after.version };
  });
}
