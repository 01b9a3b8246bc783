import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { requireActor, type UserActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { zodProblems } from "@/lib/parse-input";
import { enforceRateLimit } from "@/lib/rate-limit/take-token";

export type { Action, ActionResult } from "@/lib/action-result";

const INVALID = "填写的内容有误，请按提示修改";
const FALLBACK = "操作失败，请稍后重试；如果问题持续，请联系管理员。";

export interface ActionContext<I> {
  prisma: PrismaClient;
  actor: UserActor;
  input: I;
}

/**
 * The one shape of a server action: parse the input with the use case's zod schema (each problem by its
 * path) → the signed-in user (a timed-out session goes to the login page, which comes back here; the form's
 * browser draft keeps what was typed) → a token of the user's `write` rate (lib/rate-limit: a script past 10 at once
 * and 10 a second is refused RATE_LIMITED, 操作过于频繁，请稍后再试) → the use case, which authorizes through lib/auth/authorize.ts →
 * `{ ok, data, message }`, or the refusal with its code and problems. Anything but an AppError is logged
 * and answered with a plain sentence. Nothing typed is echoed: the forms keep their own draft.
 *
 * ```ts
 * export async function renameUnitAction(input: unknown) {
 *   return runAction(renameUnitSchema, input, async ({ prisma, actor, input }) => {
 *     const { unit } = await renameUnit(prisma, actor, input);
 *     return { data: null, message: `已改名为「${unit.name}」` };
 *   }, { revalidate: ["/admin/units"] });
 * }
 * ```
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  useCase: (context: ActionContext<z.output<S>>) => Promise<{ data: T; message: string }>,
  options: { revalidate?: readonly string[] } = {},
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID", message: INVALID, problems: zodProblems(parsed.error) };
  const actor = await requireActor();
  let outcome: { data: T; message: string };
  try {
    const prisma = await getPrisma();
    await enforceRateLimit(prisma, actor.id, "write");
    outcome = await useCase({ prisma, actor, input: parsed.data });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, problems: error.problems };
    console.error(error);
    return { ok: false, code: "ERROR", message: FALLBACK, problems: [] };
  }
  for (const path of options.revalidate ?? []) revalidatePath(path);
  return { ok: true, data: outcome.data, message: outcome.message };
}
