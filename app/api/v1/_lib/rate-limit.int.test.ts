import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { UserActor } from "@/lib/session/session";
import type { Database } from "@/lib/db/open";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import type { DemoUsername } from "@/lib/testing/demo-actors";
import { seededTestDatabase } from "@/lib/testing/factory";

// The handlers are thin: the session and the database are the only things to stand in for.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, prisma: null as unknown }));
vi.mock("@/lib/session/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ getPrisma: async () => session.prisma }));

const evidenceRoute = await import("../evidence/[id]/route");
const uploadRoute = await import("../evidence/route");

/** Every route under /api/v1 takes a token of its user's bucket first (withActor): a script is answered 429. */

let db: Database;
let actors: Record<DemoUsername, UserActor>;
beforeAll(async () => {
  ({ db, actors } = await seededTestDatabase());
  session.prisma = db.prisma;
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await db.prisma.rateLimitBucket.deleteMany();
});

const BASE = "http://localhost:3000/api/v1";
const download = (id: number) => evidenceRoute.GET(new Request(`${BASE}/evidence/${id}`), { params: Promise.resolve({ id: String(id) }) });
/** An upload without a file: refused 400 by the route, after the rate. */
const emptyUpload = () => {
  const form = new FormData();
  form.append("sheetId", "1");
  form.append("month", "3");
  return uploadRoute.POST(new Request(`${BASE}/evidence`, { method: "POST", body: form }));
};

describe("the API's rate limit", () => {
  it("answers a script's downloads past the burst with 429, Retry-After and the message, and serves other users", async () => {
    session.actor = actors.manager;
    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 100 }, () => download(999_999)));
    const seconds = (Date.now() - started) / 1000;
    const served = responses.filter((r) => r.status === 404).length;
    const refused = responses.filter((r) => r.status === 429);
    expect(served + refused.length).toBe(100);
    expect(served).toBeGreaterThanOrEqual(RATE_LIMITS.read.burst);
    expect(served).toBeLessThanOrEqual(RATE_LIMITS.read.burst + Math.ceil(seconds * RATE_LIMITS.read.perSecond));
    expect(refused.length).toBeGreaterThan(0);
    expect(Number(refused[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused[0]!.json()).toEqual({ error: "操作过于频繁，请稍后再试", problems: [] });

    session.actor = actors.admin;
    expect((await download(999_999)).status).toBe(404);
  });

  it("counts uploads as writes (bad requests too): 10 at once, then 429", async () => {
    session.actor = actors.lead;
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 60 }, async () => (await emptyUpload()).status));
    const seconds = (Date.now() - started) / 1000;
    const served = statuses.filter((s) => s === 400).length;
    expect(served + statuses.filter((s) => s === 429).length).toBe(60);
    expect(served).toBeGreaterThanOrEqual(RATE_LIMITS.write.burst);
    expect(served).toBeLessThanOrEqual(RATE_LIMITS.write.burst + Math.ceil(seconds * RATE_LIMITS.write.perSecond));
    expect(served).toBeLessThan(60);
  });

  it("answers 401 to the signed-out before any bucket is touched", async () => {
    session.actor = null;
    expect((await download(1)).status).toBe(401);
    expect(await db.prisma.rateLimitBucket.count()).toBe(0);
  });
});
