import "server-only";
import { performance } from "node:perf_hooks";
import { decode } from "next-auth/jwt";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { userActor } from "@/lib/auth/actor";
import { refreshFigures } from "@/lib/figures/refresh-sheet-figures";
import { saveProgress } from "@/lib/progress/save-progress";
import { takeToken } from "@/lib/rate-limit/take-token";
import { median } from "./percentiles";
import type { BenchLead, Versions } from "./writes-dataset";
import { rememberVersions, saveInput } from "./writes-workload";

/**
 * Where one save's time goes, measured in this process phase by phase (the server runs the same code): the session
 * check (decrypting the cookie, reading the user row, as lib/session/session.ts), the rate-limit token, the use case
 * (saveProgress: transaction, audit, figures refresh, the answer's view) and, inside it, the figures refresh alone.
 * The HTTP figure of one save minus these is what Next.js adds: routing, the proxy, decoding the action's arguments
 * and encoding its answer as Flight.
 */

export interface Breakdown {
  session: number;
  rateLimit: number;
  useCase: number;
  figures: number;
}

const SAMPLES = 25;

export async function measureBreakdown(
  prisma: PrismaClient,
  options: { lead: BenchLead; cookie: string; secret: string; versions: Versions; counters: Map<number, number> },
): Promise<Breakdown> {
  const { lead, versions, counters } = options;
  const token = options.cookie.slice(options.cookie.indexOf("=") + 1);
  const samples: Record<keyof Breakdown, number[]> = { session: [], rateLimit: [], useCase: [], figures: [] };
  const user = await prisma.user.findUniqueOrThrow({ where: { id: lead.userId } });
  const actor = userActor(user);
  // Generous limits: the statement is the one a request runs; the bench must not be refused by its own pace.
  const unlimited = { burst: 1e9, perSecond: 1e9 };
  for (let i = 0; i < SAMPLES; i++) {
    let t = performance.now();
    const jwt = await decode({ token, secret: options.secret });
    await prisma.user.findUnique({
      where: { id: Number(jwt?.sub) },
      select: { id: true, role: true, departmentId: true, displayName: true, active: true, sessionVersion: true },
    });
    samples.session.push(performance.now() - t);

    t = performance.now();
    await takeToken(prisma, lead.userId, "write", unlimited);
    samples.rateLimit.push(performance.now() - t);

    const k = counters.get(lead.userId) ?? 0;
    counters.set(lead.userId, k + 1);
    const input = saveInput(lead, k, versions);
    t = performance.now();
    const result = await saveProgress(prisma, actor, input);
    samples.useCase.push(performance.now() - t);
    rememberVersions(versions, input.sheetId, input.month, result.view);

    // What the save's refresh does: the months its change reached (input.month…12) marked stale, then recomputed.
    t = performance.now();
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "sheet_figures" SET "change_seq" = "change_seq" + 1 WHERE "sheet_id" = ${input.sheetId} AND "month" >= ${input.month}`;
      await refreshFigures(tx, [input.sheetId], { onlyStale: true });
    });
    samples.figures.push(performance.now() - t);
  }
  return { session: median(samples.session), rateLimit: median(samples.rateLimit), useCase: median(samples.useCase), figures: median(samples.figures) };
}
