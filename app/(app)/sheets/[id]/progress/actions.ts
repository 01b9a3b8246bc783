"use server";

import { runAction } from "@/app/_lib/action";
import type { ProgressOutcome } from "@/components/progress/progress-actions";
import type { ActionResult } from "@/lib/action-result";
import { adjustBudget, adjustBudgetSchema } from "@/lib/progress/adjust-budget";
import { getProgress } from "@/lib/progress/get-progress";
import { monthSchema } from "@/lib/input";
import { reopenMonth, reopenMonthSchema } from "@/lib/progress/reopen-month";
import { reviewMonth, reviewMonthSchema } from "@/lib/progress/review-month";
import { saveProgress, saveProgressSchema } from "@/lib/progress/save-progress";
import { setMeasureType, setMeasureTypeSchema } from "@/lib/progress/set-measure-type";
import { submitMonth, submitMonthSchema } from "@/lib/progress/submit-month";

/**
 * Server actions of the progress page (app/_lib/action.ts): each answers the page's new state (rows,
 * lights, projected score, month strip, permissions), so the form shows it without a reload. The use cases
 * load the sheet and check every permission and state themselves: nothing the browser sends is trusted.
 */
type Result = Promise<ActionResult<ProgressOutcome>>;

/** 保存: the changed rows and 执行数 of a month. */
export async function saveProgressAction(input: unknown): Result {
  return runAction(saveProgressSchema, input, async ({ prisma, actor, input }) => {
    const result = await saveProgress(prisma, actor, input);
    return { data: { state: result.view, warnings: result.warnings }, message: result.saved > 0 ? `已保存 ${result.saved} 项修改` : "没有需要保存的修改" };
  });
}

/** 提交 a month for review. */
export async function submitMonthAction(input: unknown): Result {
  return runAction(submitMonthSchema, input, async ({ prisma, actor, input }) => ({
    data: { state: await submitMonth(prisma, actor, input), warnings: [] },
    message: "已提交，等待审核",
  }));
}

/** 审核通过 or 退回 a submitted month. */
export async function reviewMonthAction(input: unknown): Result {
  return runAction(reviewMonthSchema, input, async ({ prisma, actor, input }) => ({
    data: { state: await reviewMonth(prisma, actor, input), warnings: [] },
    message: input.decision === "approve" ? "已审核通过，该月已锁定" : "已退回，负责人修改后可重新提交",
  }));
}

/** 重新开放 an approved month. */
export async function reopenMonthAction(input: unknown): Result {
  return runAction(reopenMonthSchema, input, async ({ prisma, actor, input }) => ({
    data: { state: await reopenMonth(prisma, actor, input), warnings: [] },
    message: "已重新开放，负责人可修改后重新提交",
  }));
}

/** 调整预算 (in-year budget adjustment). */
export async function adjustBudgetAction(input: unknown): Result {
  return runAction(adjustBudgetSchema, input, async ({ prisma, actor, input }) => ({
    data: { state: await adjustBudget(prisma, actor, input), warnings: [] },
    message: "已登记预算调整",
  }));
}

const measureTypeActionSchema = setMeasureTypeSchema.extend({ month: monthSchema });

/** 计量方式 of a row (manager/admin); answers with the page's month recomputed. */
export async function setMeasureTypeAction(input: unknown): Result {
  return runAction(measureTypeActionSchema, input, async ({ prisma, actor, input: { month, ...data } }) => {
    const result = await setMeasureType(prisma, actor, data);
    return { data: { state: await getProgress(prisma, actor, { sheetId: result.sheetId, month }), warnings: [] }, message: "已更新计量方式" };
  });
}
