import type { z } from "zod";
import type { AuthoringResult } from "@/components/authoring/action-state";
import { AppError, type Problem } from "@/lib/errors";
import { nestFields } from "@/lib/authoring/form-input";
import { zodProblems } from "@/lib/parse-input";

/**
 * The steps every authoring server action shares. `parseForm`: the form's fields (rows as
 * `indicators.2.name`) nested and checked with the use case's zod schema, so a refusal names each
 * field before anything else happens. `refusal`: a use case's AppError as `{ error, problems }`;
 * anything else is logged and answered with a plain sentence.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, extra: Record<string, unknown> = {}): { ok: true; input: z.input<S>; data: z.output<S> } | { ok: false; result: AuthoringResult<never> } {
  const input = { ...nestFields(form.entries()), ...extra };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, result: { ok: false, error: "请按提示修改后再保存", problems: zodProblems(parsed.error) } };
  // The raw input passed the schema: the use case (which parses again) gets it as typed.
  return { ok: true, input: input as z.input<S>, data: parsed.data };
}

const FALLBACK = "操作失败，请稍后重试；如果问题持续，请联系管理员。";

export function refusal(error: unknown): { ok: false; error: string; problems: Problem[] } {
  if (error instanceof AppError) return { ok: false, error: error.message, problems: error.problems };
  console.error(error);
  return { ok: false, error: FALLBACK, problems: [] };
}
