/** The one error type use cases throw; `app/` maps codes to HTTP statuses and form messages. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "LOCKED" | "RATE_LIMITED" | "STORAGE_FULL";

export interface Problem {
  /** Where: e.g. `第2张表「…」第3行「…」指标值（targetRaw）`; empty for the whole input. */
  path: string;
  message: string;
  /**
   * The value is possible but unusual (e.g. more than 10× the target): the user may confirm it and send
   * again with this `path` in the input's `confirmed` list. A refusal whose problems are all confirmable
   * is a question, not an error.
   */
  confirmable?: boolean;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

export const formatProblem = (p: Problem) => (p.path ? `${p.path}：${p.message}` : p.message);

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID: 400,
  LOCKED: 423,
  /** Too many requests of one user (lib/rate-limit). */
  RATE_LIMITED: 429,
  /** A quota of the evidence store, or the disk, would be exceeded (lib/evidence/storage-limits.ts). */
  STORAGE_FULL: 507,
};
