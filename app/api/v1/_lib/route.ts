import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db";
import type { RateKind } from "@/lib/rate-limit/limits";
import { enforceRateLimit } from "@/lib/rate-limit/take-token";
import { getActor, type UserActor } from "@/lib/session/session";
import { errorResponse, unauthorized } from "./problem";

export interface ApiContext {
  actor: UserActor;
  prisma: PrismaClient;
}

/**
 * The one way into the work of an API route: the signed-in user (else 401), then their rate for this kind of
 * request (lib/rate-limit: else 429 with Retry-After and 操作过于频繁，请稍后再试), then the work. Its refusals
 * answer as `{ error, problems }` with their status; `refuse` maps a route's own errors first (the upload's 413).
 */
export async function withActor(
  kind: RateKind,
  work: (context: ApiContext) => Promise<Response>,
  refuse: (error: unknown) => Response = errorResponse,
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return unauthorized();
  try {
    const prisma = await getPrisma();
    await enforceRateLimit(prisma, actor.id, kind);
    return await work({ actor, prisma });
  } catch (error) {
    return refuse(error);
  }
}
