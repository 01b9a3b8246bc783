import type { AppErrorCode, Problem } from "./errors";

/**
 * What every server action answers (app/_lib/action.ts runs them; components/ui/use-action-form.ts reads
 * them): the use case's data with a sentence to show, or the refusal — its code, a sentence, and every
 * problem by path (`rows.3.value`, `executed`, `password` …) so the form can put each message at its field.
 * A refusal whose problems are all `confirmable` is a question: send again with their paths in `confirmed`.
 */
export type ActionResult<T = null> = { ok: true; data: T; message: string } | { ok: false; code: AppErrorCode | "ERROR"; message: string; problems: Problem[] };

/** A server action as a form calls it: plain input (never FormData), one result type. */
export type Action<T = null> = (input: unknown) => Promise<ActionResult<T>>;
