"use server";

import { runAction } from "@/app/_lib/action";
import { createDraft, createDraftSchema } from "@/lib/authoring/create-draft";

/** 创建草稿: answers the new sheet's id; the editor then opens its page. */
export async function createSheetAction(input: unknown) {
  return runAction(
    createDraftSchema,
    input,
    async ({ prisma, actor, input }) => {
      const { id } = await createDraft(prisma, actor, input);
      return { data: { created: id }, message: "已创建草稿" };
    },
    { revalidate: ["/sheets"] },
  );
}
