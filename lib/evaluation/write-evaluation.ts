import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EvaluationKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, type Problem } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { writeSheet } from "@/lib/sheets/write-sheet";
import { assertPublished, type EvaluationRowData, type IndicatorData, loadEvaluationData } from "./evaluation-data";
import { idSchema, textOf, TEXT_MAX, typedNumberText, versionSchema } from "@/lib/input";
import { sameDecimal } from "@/lib/numbers/same-decimal";
import { GRADE_BAND_OF, KIND_LABEL } from "./labels";
import { checkExecuted, checkRow, type RowValues } from "./row-checks";
import { asJson } from "@/lib/audit/as-json";
import { evaluationSnapshot, rowSnapshot } from "./snapshots";

/** A number as typed; blank when the field was left empty. */
const typedNumber = typedNumberText.default("");

export const evaluationRowInputSchema = z.object({
  indicatorId: idSchema,
  /** 实际完成值 as typed (quantitative rows). */
  actual: typedNumber,
  /** 评判等级: one of the three bands, or "" (graded rows). */
  band: z.string({ error: "评判等级应为文本" }).max(50, "评判等级无效").default(""),
  /** 评分 in points as typed, inside the band's range. */
  gradeScore: typedNumber,
  /** 扣分 in points as typed; with a mandatory reason (evaluator only). */
  deductionPoints: typedNumber,
  deductionReason: textOf("扣分原因", { max: TEXT_MAX.reason, multiline: true }).default(""),
  /** 偏差原因分析及改进措施. */
  deviationReason: textOf("偏差原因分析及改进措施", { max: TEXT_MAX.note, multiline: true }).default(""),
});

export const saveEvaluationSchema = z.object({
  sheetId: idSchema,
  version: versionSchema,
  /** 全年执行数 (万元) as typed; "" clears it; omitted: unchanged. */
  executed: typedNumberText.optional(),
  /** The rows to store; rows not listed stay as they are. */
  rows: z
    .array(evaluationRowInputSchema, { error: "rows 应为列表" })
    .max(1000, "指标过多")
    .refine((rows) => new Set(rows.map((r) => r.indicatorId)).size === rows.length, "同一指标出现了多次"),
});
export type SaveEvaluationInput = z.input<typeof saveEvaluationSchema>;

export interface SaveEvaluationResult {
  evaluationId: number;
  /** The evaluation's version after the save (unchanged when nothing differed). */
  version: number;
  /** Records written (the evaluation's 全年执行数 and rows); 0 when nothing had changed. */
  saved: number;
}

function sameRow(stored: EvaluationRowData | undefined, v: RowValues): boolean {
  if (!stored)
    return v.actual === null && v.band === null && v.gradeScore === null && v.deductionPoints === null && v.deviationReason === "" && v.deductionReason === "";
  return (
    sameDecimal(stored.actual, v.actual) &&
    stored.band === (v.band ? GRADE_BAND_OF[v.band] : null) &&
    sameDecimal(stored.gradeScore, v.gradeScore) &&
    sameDecimal(stored.deductionPoints, v.deductionPoints) &&
    stored.deductionReason === v.deductionReason &&
    stored.deviationReason === v.deviationReason
  );
}

const conflict = (message = "保存未成功：评价在你填写期间已被他人修改，请刷新页面后重新填写（本次未保存任何内容）") => new AppError("CONFLICT", message);

/**
 * Saves an evaluation of one kind (the evaluator's, or the lead's self-evaluation): 全年执行数 and the given rows,
 * in one transaction, based on the version the user started from. A FINAL evaluation is LOCKED; so is the lead's
 * self-evaluation once the evaluator's is final. One audit entry per record written.
 */
export async function writeEvaluation(prisma: PrismaClient, actor: Actor, input: SaveEvaluationInput, kind: EvaluationKind): Promise<SaveEvaluationResult> {
  const data = parseInput(saveEvaluationSchema, input);
  return writeSheet(
    prisma,
    actor,
    { sheetId: data.sheetId, action: kind === "EVALUATOR" ? "evaluation.write" : "self-evaluation.write", load: loadEvaluationData },
    async (sheet, { tx, audit }) => {
      assertPublished(sheet);
      const current = sheet.evaluations[kind];
      if (current?.status === "FINAL") {
        throw new AppError("LOCKED", `${KIND_LABEL[kind]}${kind === "SELF" ? "已提交" : "已定稿"}，已锁定；如需修改，请管理者重新开放`);
      }
      if (kind === "SELF" && sheet.evaluations.EVALUATOR?.status === "FINAL") {
        throw new AppError("LOCKED", "年终评价已定稿，自评已锁定，不能再修改");
      }
      if ((current?.version ?? 0) !== data.version) throw conflict();

      const indicators = new Map(sheet.indicators.map((i) => [i.id, i]));
      const problems: Problem[] = [];
      const planned: { indicator: IndicatorData; values: RowValues }[] = [];
      data.rows.forEach((row, index) => {
        const indicator = indicators.get(row.indicatorId);
        if (!indicator) {
          problems.push({ path: `rows.${index}.indicatorId`, message: `指标 ${row.indicatorId} 不属于该绩效目标表` });
          return;
        }
        const checked = checkRow(indicator, row, { allowDeduction: kind === "EVALUATOR" });
        for (const p of checked.problems) problems.push({ path: `rows.${indicator.id}.${p.field}`, message: `「${indicator.name}」${p.message}` });
        if (checked.values) planned.push({ indicator, values: checked.values });
      });
      let executed: string | null | undefined;
      if (data.executed !== undefined) {
        const e = checkExecuted(data.executed);
        if (e.ok) executed = e.value;
        else problems.push({ path: "executed", message: e.message });
      }
      if (problems.length > 0) throw new AppError("INVALID", "填写内容有误，未保存", problems);

      const writes = planned.filter((p) => !sameRow(current?.rows.get(p.indicator.id), p.values));
      const executedChanged = executed !== undefined && !sameDecimal(current?.executed ?? null, executed);
      if (current && writes.length === 0 && !executedChanged) return { evaluationId: current.id, version: current.version, saved: 0 };

      // The evaluation itself: created on the first save; its version moves with every save of it or its rows.
      let evaluationId: number;
      let version: number;
      if (!current) {
        try {
          const created = await tx.evaluation.create({ data: { sheetId: sheet.id, kind, executed: executed ?? null } });
          evaluationId = created.id;
          version = created.version;
          await audit({
            action: auditAction(kind),
            entityType: "Evaluation",
            entityId: created.id,
            before: null,
            after: asJson(evaluationSnapshot(created)),
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw conflict();
          throw error;
        }
      } else {
        const updated = await tx.evaluation.updateMany({
          where: { id: current.id, version: current.version, status: "DRAFT" },
          data: { ...(executedChanged ? { executed } : {}), version: { increment: 1 } },
        });
        if (updated.count !== 1) throw conflict();
        const after = await tx.evaluation.findUniqueOrThrow({ where: { id: current.id } });
        evaluationId = after.id;
        version = after.version;
        if (executedChanged) {
          await audit({
            action: auditAction(kind),
            entityType: "Evaluation",
            entityId: after.id,
            before: asJson(evaluationSnapshot({ ...current, sheetId: sheet.id })),
            after: asJson(evaluationSnapshot(after)),
          });
        }
      }

      for (const { indicator, values } of writes) {
        const stored = current?.rows.get(indicator.id);
        const fields = {
          actual: values.actual,
          band: values.band ? GRADE_BAND_OF[values.band] : null,
          gradeScore: values.gradeScore,
          deductionPoints: values.deductionPoints,
          deductionReason: values.deductionPoints === null ? "" : values.deductionReason,
          deviationReason: values.deviationReason,
        };
        const row = stored
          ? await tx.evaluationRow.update({ where: { id: stored.id }, data: { ...fields, version: { increment: 1 } } })
          : await tx.evaluationRow.create({ data: { evaluationId, indicatorId: indicator.id, ...fields } });
        await audit({
          action: auditAction(kind),
          entityType: "EvaluationRow",
          entityId: row.id,
          before: stored ? asJson(rowSnapshot(sheet.id, kind, indicator, { ...stored, evaluationId })) : null,
          after: asJson(rowSnapshot(sheet.id, kind, indicator, row)),
        });
      }
      return { evaluationId, version, saved: writes.length + (executedChanged || !current ? 1 : 0) };
    },
  );
}

const auditAction = (kind: EvaluationKind) => (kind === "EVALUATOR" ? "evaluation.write" : "self-evaluation.write");
