/**
 * The per-user request rate limits (issue 11: generous for people, firm for scripts). Each user has a token
 * bucket per kind of request: it holds up to `burst` tokens, refills `perSecond` tokens a second, and every
 * request takes one; a request finding less than one token is refused (HTTP 429, or the action's refusal).
 * Someone clicking through forms never comes near: a person saves a few times a minute. A script sending
 * hundreds of writes a second gets `burst` of them through, then `perSecond`. Pure: the numbers and words.
 */

/** Server actions and API writes (uploads, deletes) count as `write`; API downloads as `read`. */
export type RateKind = "write" | "read";

export interface RateLimit {
  /** Requests let through at once after a pause (the bucket's size). */
  burst: number;
  /** Sustained requests a second (the bucket's refill). */
  perSecond: number;
}

export const RATE_LIMITS: Readonly<Record<RateKind, RateLimit>> = {
  // 10 at once, then 10 a second: 600 a minute.
  write: { burst: 10, perSecond: 10 },
  // Workbook and file downloads: a page may fetch several at once.
  read: { burst: 30, perSecond: 10 },
};

export const RATE_LIMITED_MESSAGE = "操作过于频繁，请稍后再试";

/** Whole seconds until a bucket holding `tokens` has one again (at least 1: what Retry-After says). */
export function secondsUntilToken(tokens: number, limit: RateLimit): number {
  return Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
}
