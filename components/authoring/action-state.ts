import type { Problem } from "@/lib/errors";

/**
 * What an authoring server action answers: `{ ok, message }` (with data the page needs next), or the
 * refusal `{ error, problems }` — problems name the field (`indicators.2.targetRaw`) or place.
 */
export type AuthoringResult<T = undefined> = { ok: true; message: string; data?: T } | { ok: false; error: string; problems: Problem[] };
