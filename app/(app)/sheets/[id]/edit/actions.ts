"use server";

import { runAction } from "@/app/_lib/action";
import { toEditorRows } from "@/components/authoring/editor-model";
import { getDraft } from "@/lib/authoring/get-draft";
import { updateDraft, updateDraftSchema } from "@/lib/authoring/update-draft";

/** 保存草稿: the whole sheet at once; answers the saved rows (new rows now have ids) and the version. */
export async function updateSheetAction(sheetId: number, input: unknown) {
  const fields = typeof input === "object" && input !== null ? input : {};
  return runAction(
    updateDraftSchema,
    { ...fields, sheetId },
    async ({ prisma, actor, input }) => {
      const saved = await updateDraft(prisma, actor, input);
      const draft = await getDraft(prisma, actor, sheetId);
      return { data: { version: draft.version, rows: toEditorRows(draft.indicators) }, message: saved.changed ? "已保存" : "没有修改，无需保存" };
    },
    { revalidate: ["/sheets", `/sheets/${sheetId}`] },
  );
}
