"use server";

import { revalidatePath } from "next/cache";
import { parseForm, refusal } from "@/app/_lib/authoring-action";
import type { AuthoringResult } from "@/components/authoring/action-state";
import { rolloverYear, rolloverYearSchema } from "@/lib/authoring/rollover-year";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";

/** 结转: copies the year's published sheets into the next year as drafts. */
export async function rolloverAction(_state: AuthoringResult<{ toYear: number }> | null, form: FormData): Promise<AuthoringResult<{ toYear: number }>> {
  const parsed = parseForm(rolloverYearSchema, form);
  if (!parsed.ok) return parsed.result;
  const actor = await requireActor();
  try {
    const result = await rolloverYear(await getPrisma(), actor, parsed.input);
    revalidatePath("/sheets");
    revalidatePath("/admin/rollover");
    return { ok: true, message: `已结转 ${result.created.length} 张绩效目标表到${result.toYear}年（草稿）`, data: { toYear: result.toYear } };
  } catch (error) {
    return refusal(error);
  }
}
