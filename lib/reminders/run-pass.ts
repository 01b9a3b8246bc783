import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type DrainResult, drainOutbox } from "@/lib/notifications/drain-outbox";
import { type DigestResult, sendDigests } from "@/lib/notifications/send-digests";
import { type QueuedReminders, queueReminders } from "./queue-reminders";

export interface PassReport {
  now: Date;
  reminders: QueuedReminders;
  digests: DigestResult;
  delivery: DrainResult;
}

/**
 * One scheduler pass at `now`: raise the reminders due (queueReminders), gather the daily digests of earlier days
 * (sendDigests), then deliver the outbox (drainOutbox) — in that order, so what this pass queued goes out in it. Safe to
 * run alongside another pass: every reminder and digest has its idempotency key, the sender claims messages with SKIP
 * LOCKED. `npm run reminders:run` runs one; the in-server scheduler (scheduler.ts) runs one a minute while it holds the
 * lease.
 */
export async function runReminderPass(prisma: PrismaClient, options: { now?: Date } = {}): Promise<PassReport> {
  const now = options.now ?? new Date();
  const reminders = await queueReminders(prisma, { now });
  const digests = await sendDigests(prisma, { now });
  const delivery = await drainOutbox(prisma, { now });
  return { now, reminders, digests, delivery };
}
