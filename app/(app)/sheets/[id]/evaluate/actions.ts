"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/app/_lib/action";
import { finaliseEvaluation, finaliseEvaluationSchema } from "@/lib/evaluation/finalise-evaluation";
import { reopenEvaluation, reopenEvaluationSchema } from "@/lib/evaluation/reopen-evaluation";
import { saveEvaluation } from "@/lib/evaluation/save-evaluation";
import { saveSelfEvaluation } from "@/lib/evaluation/save-self-evaluation";
import { submitSelfEvaluation, submitSelfEvaluationSchema } from "@/lib/evaluation/submit-self-evaluation";
import { saveEvaluationSchema } from "@/lib/evaluation/write-evaluation";

/** The pages that show a sheet's evaluation: they follow every change without a reload. */
function revalidateEvaluation(sheetId: number) {
  for (const path of [`/sheets/${sheetId}/evaluate`, `/sheets/${sheetId}/report`, "/evaluations"]) revalidatePath(path);
}

/** 保存 (the assigned evaluator). */
export async function saveEvaluationAction(input: unknown) {
  return runAction(saveEvaluationSchema, input, async ({ prisma, actor, input }) => {
    const r = await saveEvaluation(prisma, actor, input);
    revalidateEvaluation(input.sheetId);
    return { data: { version: r.version }, message: r.saved === 0 ? "没有需要保存的修改" : "已保存" };
  });
}

/** 保存自评 (the sheet's lead). */
export async function saveSelfEvaluationAction(input: unknown) {
  return runAction(saveEvaluationSchema, input, async ({ prisma, actor, input }) => {
    const r = await saveSelfEvaluation(prisma, actor, input);
    revalidateEvaluation(input.sheetId);
    return { data: { version: r.version }, message: r.saved === 0 ? "没有需要保存的修改" : "自评已保存" };
  });
}

/** 定稿 (the assigned evaluator); before the lead's 自评 is submitted, with the reason. */
export async function finaliseEvaluationAction(input: unknown) {
  return runAction(finaliseEvaluationSchema, input, async ({ prisma, actor, input }) => {
    const r = await finaliseEvaluation(prisma, actor, input);
    revalidateEvaluation(input.sheetId);
    return { data: r, message: `已定稿：总分 ${r.total}，评价等级 ${r.grade}` };
  });
}

/** 提交自评 (the sheet's lead): locks the 自评; the evaluator's 定稿 no longer needs a reason. */
export async function submitSelfEvaluationAction(input: unknown) {
  return runAction(submitSelfEvaluationSchema, input, async ({ prisma, actor, input }) => {
    const r = await submitSelfEvaluation(prisma, actor, input);
    revalidateEvaluation(input.sheetId);
    return { data: r, message: `自评已提交：自评总分 ${r.total}，评价等级 ${r.grade}` };
  });
}

/** 重新开放 (a manager of the department), with the reason: the evaluator's final evaluation or the lead's 自评. */
export async function reopenEvaluationAction(input: unknown) {
  return runAction(reopenEvaluationSchema, input, async ({ prisma, actor, input }) => {
    const r = await reopenEvaluation(prisma, actor, input);
    revalidateEvaluation(input.sheetId);
    return { data: r, message: input.kind === "SELF" ? "已重新开放自评，负责人可以修改" : "已重新开放，评价人可以修改" };
  });
}
