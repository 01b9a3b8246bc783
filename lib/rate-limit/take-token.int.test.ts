import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open";
import { createTestDatabase } from "@/lib/testing/database";
import { RATE_LIMITS, type RateLimit } from "./limits";
import { enforceRateLimit, RateLimitedError, takeToken } from "./take-token";

/**
 * The token buckets on a real database. The tests use a bucket of 10 that refills one token every 100 s, and move
 * time by moving a bucket's `refilled_at` back (as if that much time had passed since its last request): the
 * seconds a test really takes add nothing, so no result depends on the machine's speed. The production numbers
 * are the same mechanism at 10 tokens a second.
 */

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.prisma.rateLimitBucket.deleteMany();
});

const SLOW: RateLimit = { burst: 10, perSecond: 0.01 };
/** One refill period of SLOW: the time one token takes. */
const TOKEN_SECONDS = 1 / SLOW.perSecond;

/** As if `seconds` had passed since the bucket was last touched. */
const elapse = (userId: number, seconds: number) =>
  db.prisma.$executeRaw`UPDATE "rate_limit_bucket" SET "refilled_at" = "refilled_at" - ${seconds}::float8 WHERE "user_id" = ${userId} AND "kind" = 'write'`;

const take = (userId: number) => takeToken(db.prisma, userId, "write", SLOW);
const takes = async (userId: number, n: number) => {
  const results: boolean[] = [];
  for (let i = 0; i < n; i++) results.push((await take(userId)).ok);
  return results;
};

describe("a user's bucket", () => {
  it("lets a burst through at once and refuses the next request, saying when to retry", async () => {
    expect(await takes(1, SLOW.burst)).toEqual(Array(SLOW.burst).fill(true));
    expect(await take(1)).toEqual({ ok: false, retryAfterSeconds: TOKEN_SECONDS });
  });

  it("refills at its rate, up to the burst, for a script that keeps going", async () => {
    await takes(2, SLOW.burst);
    let granted = 0;
    // Asking twice per token's time, 200 times: half of it goes through.
    for (let tick = 0; tick < 200; tick++) {
      await elapse(2, TOKEN_SECONDS / 2);
      if ((await take(2)).ok) granted++;
    }
    expect(granted).toBe(100);
    // A long pause fills the bucket to the burst, not beyond.
    await elapse(2, TOKEN_SECONDS * 1000);
    expect(await takes(2, SLOW.burst + 1)).toEqual([...Array(SLOW.burst).fill(true), false]);
  });

  it("never refuses a person's pace: one request per token's time, with bursts of 5 quick clicks now and then", async () => {
    const outcomes: boolean[] = [];
    for (let i = 0; i < 150; i++) {
      outcomes.push(...(await takes(3, i % 10 === 0 ? 5 : 1)));
      await elapse(3, TOKEN_SECONDS * (i % 10 === 9 ? 5 : 1));
    }
    expect(outcomes).toHaveLength(210);
    expect(outcomes.every(Boolean)).toBe(true);
  });

  it("is one bucket per user and per kind: one user's burst refuses nobody else", async () => {
    await takes(4, SLOW.burst);
    expect((await take(4)).ok).toBe(false);
    expect((await take(5)).ok).toBe(true);
    expect((await takeToken(db.prisma, 4, "read", SLOW)).ok).toBe(true);
  });

  it("holds under 200 parallel requests of one user: exactly the burst gets through, and another user is served", async () => {
    const [results, other] = await Promise.all([Promise.all(Array.from({ length: 200 }, () => take(6))), take(7)]);
    expect(results.filter((r) => r.ok)).toHaveLength(SLOW.burst);
    expect(other.ok).toBe(true);
  });
});

describe("the limits in force", () => {
  it("let 10 writes through at once, then 10 a second (600 a minute); downloads 30 at once", () => {
    expect(RATE_LIMITS).toEqual({ write: { burst: 10, perSecond: 10 }, read: { burst: 30, perSecond: 10 } });
  });

  it("refuse with the message people read, as RATE_LIMITED", async () => {
    for (let i = 0; i < RATE_LIMITS.write.burst; i++) await takeToken(db.prisma, 8, "write");
    // Empty, and its clock an hour ahead: no token comes back while the test runs, however slow the machine.
    await db.prisma.$executeRaw`UPDATE "rate_limit_bucket" SET "tokens" = 0, "refilled_at" = "refilled_at" + 3600 WHERE "user_id" = 8`;
    const error = await enforceRateLimit(db.prisma, 8, "write").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: "RATE_LIMITED", message: "操作过于频繁，请稍后再试" });
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(3000);
  });
});
