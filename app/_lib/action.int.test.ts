import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { createFixture, type Fixture } from "@/lib/testing/progress-fixtures";

/**
 * The rate limit of the one action contract (runAction), with the progress page's real 保存: each call runs as
 * its own signed-in user (an AsyncLocalStorage stands in for each request's session cookie).
 */
const session = vi.hoisted(() => ({ prisma: null as unknown }));
const signedIn = new AsyncLocalStorage<Actor>();
vi.mock("@/lib/session/session", () => ({
  requireActor: async () => {
    const actor = signedIn.getStore();
    if (!actor) throw new Error("NEXT_REDIRECT /login");
    return actor;
  },
}));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const { saveProgressAction, setMeasureTypeAction } = await import("@/app/(app)/sheets/[id]/progress/actions");

let f: Fixture;
beforeAll(async () => {
  f = await createFixture();
  session.prisma = f.db.prisma;
});
afterAll(async () => {
  await f?.db.close();
});
beforeEach(async () => {
  await f.db.prisma.rateLimitBucket.deleteMany();
});

const as = <T>(actor: Actor, work: () => Promise<T>) => signedIn.run(actor, work);
/** As if `seconds` had passed since the user's last write. */
const elapse = (actor: Actor, seconds: number) =>
  f.db.prisma
    .$executeRaw`UPDATE "rate_limit_bucket" SET "refilled_at" = "refilled_at" - ${seconds}::float8 WHERE "user_id" = ${actor.kind === "user" ? actor.id : 0} AND "kind" = 'write'`;

let value = 0;
/** One 保存 of the lead's first row of 两区 in May, each with a new value (so each is a real write). */
const save = () =>
  saveProgressAction({ sheetId: f.sheets.liangqu, month: 5, rows: [{ indicatorId: f.liangquRows[0]!.id, version: 0, value: String(++value) }] });

describe("runAction's rate limit", () => {
  it("200 parallel saves of one lead: the burst runs, the rest is refused at once with the problem, and another user is served", async () => {
    const lead = f.actors.lead;
    const before = await f.db.prisma.auditLog.count({ where: { action: "progress.save" } });
    const started = Date.now();
    const [burst, other] = await Promise.all([
      Promise.all(Array.from({ length: 200 }, () => as(lead, save))),
      as(f.actors.manager, async () => {
        const row = await f.db.prisma.indicator.findUniqueOrThrow({ where: { id: f.liangquRows[1]!.id } });
        return setMeasureTypeAction({ indicatorId: row.id, measureType: row.measureType === "LEVEL" ? "CUMULATIVE" : "LEVEL", version: row.version, month: 1 });
      }),
    ]);
    const seconds = (Date.now() - started) / 1000;
    expect(other).toMatchObject({ ok: true, message: "已更新计量方式" });
    const refused = burst.filter((r) => !r.ok && r.code === "RATE_LIMITED");
    const through = burst.length - refused.length;
    // The burst, plus what refilled while the 200 ran (10 a second).
    expect(through).toBeGreaterThanOrEqual(RATE_LIMITS.write.burst);
    expect(through).toBeLessThanOrEqual(RATE_LIMITS.write.burst + Math.ceil(seconds * RATE_LIMITS.write.perSecond));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toEqual({ ok: false, code: "RATE_LIMITED", message: "操作过于频繁，请稍后再试", problems: [] });
    // Only the saves let through did any work (the first saves the row; the others are stale versions).
    expect((await f.db.prisma.auditLog.count({ where: { action: "progress.save" } })) - before).toBeLessThanOrEqual(through);
  });

  it("never refuses a person's pace: a save a second for two minutes", async () => {
    const lead = f.actors.lead2;
    const codes = new Set<string>();
    for (let i = 0; i < 120; i++) {
      const result = await as(lead, () => saveProgressAction({ sheetId: f.sheets.kepu, month: 6, rows: [{ indicatorId: 999_999, version: 0, value: "1" }] }));
      codes.add(result.ok ? "OK" : result.code);
      await elapse(lead, 1);
    }
    // Refused by the use case (a row not of this sheet), never by the rate.
    expect([...codes]).toEqual(["INVALID"]);
  });
});
