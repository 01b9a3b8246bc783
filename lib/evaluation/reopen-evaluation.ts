import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { notifyEvaluation } from "@/lib/notifications/sheet-events";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { loadEvaluationData } from "./evaluation-data";
import { idSchema, textOf, TEXT_MAX, versionSchema } from "@/lib/input";
import { asJson } from "@/lib/audit/as-json";
import { evaluationSnapshot } from "./snapshots";

export const reopenEvaluationSchema = z.object({
  sheetId: idSchema,
  version: versionSchema,
  reason: textOf("重新开放原因", { max: TEXT_MAX.reason, multiline: true }).min(1, "请填写重新开放的原因"),
  /** The evaluator's final evaluation (default), or the lead's submitted 自评. */
  kind: z.enum(["EVALUATOR", "SELF"], { error: "评价类型无效" }).default("EVALUATOR"),
});
export type ReopenEvaluationInput = z.input<typeof reopenEvaluationSchema>;

/**
 * A manager of the sheet's department reopens a final evaluation (FINAL → DRAFT) with a reason, which is kept.
 * The recorded total and grade are cleared (the audit log keeps them): a draft has no recorded result. The lead's
 * submitted 自评 is reopened the same way, while the evaluator's evaluation is not final (which locks it).
 */
export async function reopenEvaluation(prisma: PrismaClient, actor: Actor, input: ReopenEvaluationInput): Promise<{ version: number }> {
  const data = parseInput(reopenEvaluationSchema, input);
  return writeSheet(prisma, actor, { sheetId: data.sheetId, action: "evaluation.reopen", load: loadEvaluationData }, async (sheet, { tx, audit }) => {
    const current = sheet.evaluations[data.kind];
    if (data.kind === "SELF") {
      if (current?.status !== "FINAL") throw new AppError("INVALID", "负责人尚未提交自评，无需重新开放");
      if (sheet.evaluations.EVALUATOR?.status === "FINAL") throw new AppError("LOCKED", "年终评价已定稿，自评已锁定；请先重新开放年终评价");
    } else if (current?.status !== "FINAL") {
      throw new AppError("INVALID", "年终评价尚未定稿，无需重新开放");
    }
    if (current.version !== data.version) throw new AppError("CONFLICT", "评价在你查看期间已被修改，请刷新页面后再操作");
    const updated = await tx.evaluation.updateMany({
      where: { id: current.id, version: current.version, status: "FINAL" },
      data: {
        status: "DRAFT",
        reopenReason: data.reason,
        total: null,
        grade: null,
        finalisedAt: null,
        finalisedById: null,
        earlyFinaliseReason: "",
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "评价在你查看期间已被修改，请刷新页面后再操作");
    const after = await tx.evaluation.findUniqueOrThrow({ where: { id: current.id } });
    await audit({
      action: "evaluation.reopen",
      entityType: "Evaluation",
      entityId: current.id,
      before: asJson(evaluationSnapshot({ ...current, sheetId: sheet.id })),
      after: asJson(evaluationSnapshot(after)),
    });
    await notifyEvaluation(tx, {
      type: "EVALUATION_REOPENED",
      self: data.kind === "SELF",
      sheetId: sheet.id,
      version: after.version,
      detail: `重新开放原因：${data.reason}`,
      actor,
      at: new Date(),
    });
    return { version: after.version };
  });
}
