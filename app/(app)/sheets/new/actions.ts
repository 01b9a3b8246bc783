"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { parseForm, refusal } from "@/app/_lib/authoring-action";
import type { AuthoringResult } from "@/components/authoring/action-state";
import { createDraft, createDraftSchema } from "@/lib/authoring/create-draft";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";

/** 创建草稿: on success goes to the new sheet's page. */
export async function createSheetAction(form: FormData): Promise<AuthoringResult<never>> {
  const parsed = parseForm(createDraftSchema, form);
  if (!parsed.ok) return parsed.result;
  const actor = await requireActor();
  let id: number;
  try {
    ({ id } = await createDraft(await getPrisma(), actor, parsed.input));
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/sheets");
  redirect(`/sheets/${id}`);
}
