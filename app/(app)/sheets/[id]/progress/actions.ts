"use server";

import type { z } from "zod";
import type { ProgressActionResult } from "@/components/progress/action-result";
import type { UserActor } from "@/lib/auth/session";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { zodProblems } from "@/lib/parse-input";
import { adjustBudget, adjustBudgetSchema } from "@/lib/progress/adjust-budget";
import { getProgress } from "@/lib/progress/get-progress";
import { monthSchema } from "@/lib/progress/input";
import type { ProgressView } from "@/lib/progress/progress-view";
import { reopenMonth, reopenMonthSchema } from "@/lib/progress/reopen-month";
import { reviewMonth, reviewMonthSchema } from "@/lib/progress/review-month";
import { saveProgress, saveProgressSchema } from "@/lib/progress/save-progress";
import { setMeasureType, setMeasureTypeSchema } from "@/lib/progress/set-measure-type";
import { submitMonth, submitMonthSchema } from "@/lib/progress/submit-month";

/**
 * Server actions of the progress page. Each: parse with the use case's zod schema → the signed-in user →
 * the use case (which loads the sheet and checks every permission and state itself: nothing the browser sends
 * is trusted for that) → the page's new state, or the refusal as a message with its problems.
 */

const FALLBACK_ERROR = "操作失败，请稍后重试；如果问题持续，请联系管理员。";

type Outcome = { state: ProgressView; message: string; warnings?: string[] };

async function run<S extends z.ZodType>(
  schema: S,
  input: unknown,
  work: (prisma: PrismaClient, actor: UserActor, data: z.output<S>) => Promise<Outcome>,
): Promise<ProgressActionResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID", error: "填写的内容有误，请按提示修改", problems: zodProblems(parsed.error) };
  const actor = await requireActor();
  try {
    const outcome = await work(await getPrisma(), actor, parsed.data);
    return { ok: true, state: outcome.state, message: outcome.message, warnings: outcome.warnings ?? [] };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, error: error.message, problems: error.problems };
    console.error(error);
    return { ok: false, code: "ERROR", error: FALLBACK_ERROR, problems: [] };
  }
}

/** 保存: the changed rows and 执行数 of a month. */
export async function saveProgressAction(input: unknown): Promise<ProgressActionResult> {
  return run(saveProgressSchema, input, async (prisma, actor, data) => {
    const result = await saveProgress(prisma, actor, data);
    return { state: result.view, message: result.saved > 0 ? `已保存 ${result.saved} 项修改` : "没有需要保存的修改", warnings: result.warnings };
  });
}

/** 提交 a month for review. */
export async function submitMonthAction(input: unknown): Promise<ProgressActionResult> {
  return run(submitMonthSchema, input, async (prisma, actor, data) => ({
    state: await submitMonth(prisma, actor, data),
    message: "已提交，等待审核",
  }));
}

/** 审核通过 or 退回 a submitted month. */
export async function reviewMonthAction(input: unknown): Promise<ProgressActionResult> {
  return run(reviewMonthSchema, input, async (prisma, actor, data) => ({
    state: await reviewMonth(prisma, actor, data),
    message: data.decision === "approve" ? "已审核通过，该月已锁定" : "已退回，负责人修改后可重新提交",
  }));
}

/** 重新开放 an approved month. */
export async function reopenMonthAction(input: unknown): Promise<ProgressActionResult> {
  return run(reopenMonthSchema, input, async (prisma, actor, data) => ({
    state: await reopenMonth(prisma, actor, data),
    message: "已重新开放，负责人可修改后重新提交",
  }));
}

/** 调整预算 (in-year budget adjustment). */
export async function adjustBudgetAction(input: unknown): Promise<ProgressActionResult> {
  return run(adjustBudgetSchema, input, async (prisma, actor, data) => ({
    state: await adjustBudget(prisma, actor, data),
    message: "已登记预算调整",
  }));
}

const measureTypeActionSchema = setMeasureTypeSchema.extend({ month: monthSchema });

/** 计量方式 of a row (manager/admin); answers with the page's month recomputed. */
export async function setMeasureTypeAction(input: unknown): Promise<ProgressActionResult> {
  return run(measureTypeActionSchema, input, async (prisma, actor, { month, ...data }) => {
    const result = await setMeasureType(prisma, actor, data);
    return { state: await getProgress(prisma, actor, { sheetId: result.sheetId, month }), message: "已更新计量方式" };
  });
}
