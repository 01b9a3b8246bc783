import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { RATE_LIMITED_MESSAGE, RATE_LIMITS, type RateKind, type RateLimit, secondsUntilToken } from "./limits";

/** A request over the user's rate: HTTP 429 with Retry-After, or the action's refusal. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", RATE_LIMITED_MESSAGE);
  }
}

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Takes one token from the user's bucket of `kind`, or refuses. One statement does it: the row is created full
 * (less this token), else refilled for the time passed since (the database's clock, the same for every app
 * instance) and decremented — only when that leaves a token, so concurrent requests of one user queue on the
 * row and each sees the others' takes. A refused request changes nothing and costs one more read. `limit`: the
 * kind's (tests pass others, slow enough that the time a test takes adds nothing).
 */
export async function takeToken(
  db: Db,
  userId: number,
  kind: RateKind,
  limit: RateLimit = RATE_LIMITS[kind],
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const { burst, perSecond } = limit;
  const taken = await db.$queryRaw<{ tokens: number }[]>`
    INSERT INTO "rate_limit_bucket" AS b ("user_id", "kind", "tokens", "refilled_at")
    VALUES (${userId}, ${kind}, ${burst - 1}::float8, extract(epoch FROM clock_timestamp())::float8)
    ON CONFLICT ("user_id", "kind") DO UPDATE
      SET "tokens" = least(${burst}::float8, b."tokens" + (extract(epoch FROM clock_timestamp())::float8 - b."refilled_at") * ${perSecond}::float8) - 1,
          "refilled_at" = extract(epoch FROM clock_timestamp())::float8
      WHERE least(${burst}::float8, b."tokens" + (extract(epoch FROM clock_timestamp())::float8 - b."refilled_at") * ${perSecond}::float8) >= 1
    RETURNING "tokens"`;
  if (taken.length > 0) return { ok: true };
  const [now] = await db.$queryRaw<{ tokens: number }[]>`
    SELECT least(${burst}::float8, "tokens" + (extract(epoch FROM clock_timestamp())::float8 - "refilled_at") * ${perSecond}::float8) AS "tokens"
      FROM "rate_limit_bucket" WHERE "user_id" = ${userId} AND "kind" = ${kind}`;
  return { ok: false, retryAfterSeconds: secondsUntilToken(now?.tokens ?? 0, limit) };
}

/** `takeToken`, refusing with RateLimitedError: the API routes and the server actions call this first. */
export async function enforceRateLimit(db: Db, userId: number, kind: RateKind): Promise<void> {
  const result = await takeToken(db, userId, kind);
  if (!result.ok) throw new RateLimitedError(result.retryAfterSeconds);
}
