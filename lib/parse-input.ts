import type { z } from "zod";
import { AppError, type Problem } from "./errors";
import "./zod-locale";

/** zod issues as the problems of an INVALID AppError (`path` = the field, dotted). */
export const zodProblems = (error: z.ZodError): Problem[] => error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

/**
 * Parses a use case's input with its zod schema; on failure throws one INVALID AppError listing every
 * field's problem, so a form can show each message next to its field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "填写的内容有误"): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", message, zodProblems(parsed.error));
  return parsed.data;
}
