"use server";

import { revalidatePath } from "next/cache";
import { parseForm, refusal } from "@/app/_lib/authoring-action";
import type { AuthoringResult } from "@/components/authoring/action-state";
import { type EditorRow, toEditorRows } from "@/components/authoring/editor-model";
import { getDraft } from "@/lib/authoring/get-draft";
import { updateDraft, updateDraftSchema } from "@/lib/authoring/update-draft";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";

/** 保存草稿: the whole sheet at once; answers the saved rows (new rows now have ids) and the version. */
export async function updateSheetAction(sheetId: number, form: FormData): Promise<AuthoringResult<{ version: number; rows: EditorRow[] }>> {
  const parsed = parseForm(updateDraftSchema, form, { sheetId });
  if (!parsed.ok) return parsed.result;
  const actor = await requireActor();
  try {
    const prisma = await getPrisma();
    const saved = await updateDraft(prisma, actor, parsed.input);
    const draft = await getDraft(prisma, actor, sheetId);
    revalidatePath("/sheets");
    revalidatePath(`/sheets/${sheetId}`);
    return { ok: true, message: saved.changed ? "已保存" : "没有修改，无需保存", data: { version: draft.version, rows: toEditorRows(draft.indicators) } };
  } catch (error) {
    return refusal(error);
  }
}
