import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { loadDeadlines } from "./load-deadlines";
import type { YearDeadlines } from "./rules";
import { deadlinesFingerprint } from "./set-deadlines";

/** 填报期限 of every fiscal year, newest first, with what the form sends back to detect a concurrent change (admins). */
export async function listDeadlines(prisma: PrismaClient, actor: Actor): Promise<(YearDeadlines & { read: string })[]> {
  authorize(actor, { type: "fiscal-year.manage" });
  const years = await prisma.fiscalYear.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true } });
  const deadlines = await loadDeadlines(prisma, years);
  return years.map((y) => {
    const d = deadlines.get(y.id)!;
    return { ...d, read: deadlinesFingerprint(d) };
  });
}
