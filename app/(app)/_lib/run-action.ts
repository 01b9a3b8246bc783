import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionState } from "@/components/admin/action-state";
import type { UserActor } from "@/lib/auth/session";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { zodProblems } from "@/lib/parse-input";

/** The text fields of a form (files and repeated names are not used by these forms). */
export function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) fields[key] = value;
  return fields;
}

const FALLBACK_ERROR = "保存失败，请稍后重试；如果问题持续，请联系管理员。";

/**
 * The shape of every form server action: parse the form with the use case's zod schema → the
 * signed-in user → the use case → `{ ok, message }`, or `{ error, fieldErrors }` with what was typed.
 * A refusal of the use case (AppError) becomes the message, next to its field when it names one.
 */
export async function runFormAction<S extends z.ZodType>(options: {
  schema: S;
  form: FormData;
  /** Fields that must not be sent back to the browser. */
  secret?: string[];
  /** Pages whose data the change affects. */
  revalidate: string[];
  run: (prisma: PrismaClient, actor: UserActor, input: z.output<S>) => Promise<string>;
}): Promise<ActionState> {
  const fields = formFields(options.form);
  const values = Object.fromEntries(Object.entries(fields).filter(([key]) => !options.secret?.includes(key)));
  const parsed = options.schema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const problem of zodProblems(parsed.error)) fieldErrors[problem.path] ??= problem.message;
    return { ok: false, error: "请按提示修改后再保存", fieldErrors, values, at: Date.now() };
  }
  const actor = await requireActor();
  try {
    const message = await options.run(await getPrisma(), actor, parsed.data);
    for (const path of options.revalidate) revalidatePath(path);
    return { ok: true, message, at: Date.now() };
  } catch (error) {
    if (!(error instanceof AppError)) {
      console.error(error);
      return { ok: false, error: FALLBACK_ERROR, fieldErrors: {}, values, at: Date.now() };
    }
    const fieldErrors: Record<string, string> = {};
    for (const problem of error.problems) if (problem.path) fieldErrors[problem.path] ??= problem.message;
    return { ok: false, error: error.message, fieldErrors, values, at: Date.now() };
  }
}
