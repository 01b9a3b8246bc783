"use server";

import { runAction } from "@/app/_lib/action";
import { adjustTarget, adjustTargetSchema } from "@/lib/authoring/adjust-target";
import { publishSheet, publishSheetSchema } from "@/lib/authoring/publish-sheet";
import { returnDraft, returnDraftSchema } from "@/lib/authoring/return-draft";
import { submitDraft, submitDraftSchema } from "@/lib/authoring/submit-draft";

// 提交 / 发布 / 退回 change what the page shows (the draft panel goes away on publishing): on success
// they answer the page to open, with a notice to show, instead of a message inside a form that is gone.

const PAGES = ["/sheets"];

/** 提交审核 (the author of a draft). */
export async function submitSheetAction(input: unknown) {
  return runAction(
    submitDraftSchema,
    input,
    async ({ prisma, actor, input }) => {
      await submitDraft(prisma, actor, input);
      return { data: { href: `/sheets/${input.sheetId}?notice=submitted` }, message: "已提交审核" };
    },
    { revalidate: PAGES },
  );
}

/** 审核通过并发布 (admin, the department's manager). */
export async function publishSheetAction(input: unknown) {
  return runAction(
    publishSheetSchema,
    input,
    async ({ prisma, actor, input }) => {
      const published = await publishSheet(prisma, actor, input);
      return { data: { href: `/sheets/${input.sheetId}?notice=${published.assignedLead !== null ? "published-assigned" : "published"}` }, message: "已发布" };
    },
    { revalidate: PAGES },
  );
}

/** 退回 with a comment (admin, the department's manager). */
export async function returnSheetAction(input: unknown) {
  return runAction(
    returnDraftSchema,
    input,
    async ({ prisma, actor, input }) => {
      await returnDraft(prisma, actor, input);
      return { data: { href: `/sheets/${input.sheetId}?notice=returned` }, message: "已退回" };
    },
    { revalidate: PAGES },
  );
}

/** 指标调整 of a published sheet (admin, the department's manager). */
export async function adjustTargetAction(sheetId: number, input: unknown) {
  return runAction(
    adjustTargetSchema,
    input,
    async ({ prisma, actor, input }) => {
      const result = await adjustTarget(prisma, actor, input);
      return { data: null, message: `已记录指标调整（调整前指标值：${result.originalTargetRaw}）` };
    },
    { revalidate: ["/sheets", `/sheets/${sheetId}`] },
  );
}
