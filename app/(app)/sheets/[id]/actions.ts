"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { parseForm, refusal } from "@/app/_lib/authoring-action";
import type { AuthoringResult } from "@/components/authoring/action-state";
import { adjustTarget, adjustTargetSchema } from "@/lib/authoring/adjust-target";
import { publishSheet, publishSheetSchema } from "@/lib/authoring/publish-sheet";
import { returnDraft, returnDraftSchema } from "@/lib/authoring/return-draft";
import { submitDraft, submitDraftSchema } from "@/lib/authoring/submit-draft";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";

type State = AuthoringResult<never> | null;

// 提交 / 发布 / 退回 change what the page shows (the draft panel goes away on publishing): on success
// they go back to the page with a notice to show, instead of a message inside a form that is gone.

const changed = (sheetId: unknown) => {
  revalidatePath("/sheets");
  revalidatePath(`/sheets/${String(sheetId)}`);
};

/** 提交审核 (the author of a draft). */
export async function submitSheetAction(_state: State, form: FormData): Promise<State> {
  const parsed = parseForm(submitDraftSchema, form);
  if (!parsed.ok) return parsed.result;
  const actor = await requireActor();
  try {
    await submitDraft(await getPrisma(), actor, parsed.input);
  } catch (error) {
    return refusal(error);
  }
  changed(parsed.data.sheetId);
  redirect(`/sheets/${parsed.data.sheetId}?notice=submitted`);
}

/** 审核通过并发布 (admin, the department's manager). */
export async function publishSheetAction(_state: State, form: FormData): Promise<State> {
  const parsed = parseForm(publishSheetSchema, form);
  if (!parsed.ok) return parsed.result;
  const actor = await requireActor();
  let assigned = false;
  try {
    assigned = (await publishSheet(await getPrisma(), actor, parsed.input)).assignedLead !== null;
  } catch (error) {
    return refusal(error);
  }
  changed(parsed.data.sheetId);
  redirect(`/sheets/${parsed.data.sheetId}?notice=${assigned ? "published-assigned" : "published"}`);
}

/** 退回 with a comment (admin, the department's manager). */
export async function returnSheetAction(_state: State, form: FormData): Promise<State> {
  const parsed = parseForm(returnDraftSchema, form);
  if (!parsed.ok) return parsed.result;
  const actor = await requireActor();
  try {
    await returnDraft(await getPrisma(), actor, parsed.input);
  } catch (error) {
    return refusal(error);
  }
  changed(parsed.data.sheetId);
  redirect(`/sheets/${parsed.data.sheetId}?notice=returned`);
}

/** 指标调整 of a published sheet (admin, the department's manager). */
export async function adjustTargetAction(sheetId: number, _state: State, form: FormData): Promise<State> {
  const parsed = parseForm(adjustTargetSchema, form);
  if (!parsed.ok) return parsed.result;
  const actor = await requireActor();
  try {
    const result = await adjustTarget(await getPrisma(), actor, parsed.input);
    changed(sheetId);
    return { ok: true, message: `已记录指标调整（调整前指标值：${result.originalTargetRaw}）` };
  } catch (error) {
    return refusal(error);
  }
}
