"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { EvaluationActionState } from "@/components/evaluation/action-state";
import { requireActor, type UserActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { finaliseEvaluation } from "@/lib/evaluation/finalise-evaluation";
import { reopenEvaluation } from "@/lib/evaluation/reopen-evaluation";
import { saveEvaluation } from "@/lib/evaluation/save-evaluation";
import { saveSelfEvaluation } from "@/lib/evaluation/save-self-evaluation";
import { submitSelfEvaluation } from "@/lib/evaluation/submit-self-evaluation";
import type { SaveEvaluationInput } from "@/lib/evaluation/write-evaluation";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { zodProblems } from "@/lib/parse-input";
import { refusal } from "@/app/_lib/authoring-action";

const ROW_FIELDS = ["actual", "band", "gradeScore", "deductionPoints", "deductionReason", "deviationReason"] as const;

const id = z.coerce.number({ error: "编号无效" }).int("编号无效").positive("编号无效").max(2_147_483_647, "编号无效");
const version = z.coerce.number({ error: "版本号无效" }).int("版本号无效").min(0, "版本号无效").max(2_147_483_647, "版本号无效");
const text = z.string({ error: "应为文本" });

/** The evaluation form: `sheetId`, `version`, `executed`, one `rowIds` per row, and `rows.<id>.<field>` fields. */
const saveFormSchema = z.object({ sheetId: id, version, executed: text.optional(), rowIds: z.array(id).max(1000, "指标过多") });
const finaliseFormSchema = z.object({ sheetId: id, version, earlyReason: text.optional() });
const submitFormSchema = z.object({ sheetId: id, version });
const reopenFormSchema = z.object({ sheetId: id, version, reason: text, kind: z.enum(["EVALUATOR", "SELF"]).optional() });

const str = (form: FormData, name: string): string | undefined => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

function saveInput(form: FormData): SaveEvaluationInput | z.ZodError {
  const parsed = saveFormSchema.safeParse({
    sheetId: str(form, "sheetId"),
    version: str(form, "version"),
    executed: str(form, "executed"),
    rowIds: form.getAll("rowIds"),
  });
  if (!parsed.success) return parsed.error;
  const { rowIds, ...rest } = parsed.data;
  return {
    ...rest,
    rows: rowIds.map((indicatorId) => {
      const row: SaveEvaluationInput["rows"][number] = { indicatorId };
      for (const field of ROW_FIELDS) {
        const v = str(form, `rows.${indicatorId}.${field}`);
        if (v !== undefined) row[field] = v;
      }
      return row;
    }),
  };
}

async function run(sheetId: number, work: (prisma: PrismaClient, actor: UserActor) => Promise<string>): Promise<EvaluationActionState> {
  const actor = await requireActor();
  try {
    const message = await work(await getPrisma(), actor);
    for (const path of [`/sheets/${sheetId}/evaluate`, `/sheets/${sheetId}/report`, "/evaluations"]) revalidatePath(path);
    return { ok: true, message };
  } catch (error) {
    return refusal(error);
  }
}

const refused = (error: z.ZodError): EvaluationActionState => ({
  ok: false,
  error: "提交的内容有误，请刷新页面后重试",
  problems: zodProblems(error),
});

/** 保存 (the assigned evaluator). */
export async function saveEvaluationAction(form: FormData): Promise<EvaluationActionState> {
  const input = saveInput(form);
  if (input instanceof z.ZodError) return refused(input);
  return run(input.sheetId, async (prisma, actor) => {
    const r = await saveEvaluation(prisma, actor, input);
    return r.saved === 0 ? "没有需要保存的修改" : "已保存";
  });
}

/** 保存自评 (the sheet's lead). */
export async function saveSelfEvaluationAction(form: FormData): Promise<EvaluationActionState> {
  const input = saveInput(form);
  if (input instanceof z.ZodError) return refused(input);
  return run(input.sheetId, async (prisma, actor) => {
    const r = await saveSelfEvaluation(prisma, actor, input);
    return r.saved === 0 ? "没有需要保存的修改" : "自评已保存";
  });
}

/** 定稿. */
export async function finaliseEvaluationAction(form: FormData): Promise<EvaluationActionState> {
  const parsed = finaliseFormSchema.safeParse({ sheetId: str(form, "sheetId"), version: str(form, "version"), earlyReason: str(form, "earlyReason") });
  if (!parsed.success) return refused(parsed.error);
  return run(parsed.data.sheetId, async (prisma, actor) => {
    const r = await finaliseEvaluation(prisma, actor, parsed.data);
    return `已定稿：总分 ${r.total}，评价等级 ${r.grade}`;
  });
}

/** 重新开放 (a manager of the department), with the reason. */
export async function reopenEvaluationAction(form: FormData): Promise<EvaluationActionState> {
  const parsed = reopenFormSchema.safeParse({ sheetId: str(form, "sheetId"), version: str(form, "version"), reason: str(form, "reason") ?? "", kind: str(form, "kind") });
  if (!parsed.success) return refused(parsed.error);
  return run(parsed.data.sheetId, async (prisma, actor) => {
    await reopenEvaluation(prisma, actor, parsed.data);
    return parsed.data.kind === "SELF" ? "已重新开放自评，负责人可以修改" : "已重新开放，评价人可以修改";
  });
}

/** 提交自评 (the sheet's lead): locks the 自评; the evaluator's 定稿 no longer needs a reason. */
export async function submitSelfEvaluationAction(form: FormData): Promise<EvaluationActionState> {
  const parsed = submitFormSchema.safeParse({ sheetId: str(form, "sheetId"), version: str(form, "version") });
  if (!parsed.success) return refused(parsed.error);
  return run(parsed.data.sheetId, async (prisma, actor) => {
    const r = await submitSelfEvaluation(prisma, actor, parsed.data);
    return `自评已提交：自评总分 ${r.total}，评价等级 ${r.grade}`;
  });
}
