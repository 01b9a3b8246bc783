import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationEvent } from "@/lib/generated/prisma/enums";
import { beijingDayStart, formatDate } from "@/lib/beijing-time";
import { messageSubject } from "./events";
import type { DigestPayload } from "./messages";

export interface DigestResult {
  /** Digest e-mails queued (one per user and Beijing day). */
  queued: number;
  /** Notifications gathered into them (or set aside: the user has no address any more, or e-mail is off). */
  notifications: number;
}

interface Waiting {
  id: number;
  user_id: number;
  event: NotificationEvent;
  title: string;
  body: string;
  link: string;
  created_at: Date;
}

/**
 * The daily digest: the notifications waiting for it (their users chose 每日汇总) from Beijing days before `now`'s
 * day, gathered per user and day into one e-mail, queued in the outbox (drainOutbox sends it). Each user's
 * notifications are taken in one statement that marks them (`digested_at`), and the e-mail's key is
 * `digest:<userId>:<day>`: two passes at once, or a pass run again, queue each digest once.
 */
export async function sendDigests(prisma: PrismaClient, options: { now?: Date } = {}): Promise<DigestResult> {
  const now = options.now ?? new Date();
  const dayStart = beijingDayStart(formatDate(now));
  const result: DigestResult = { queued: 0, notifications: 0 };
  const users = await prisma.notification.groupBy({
    by: ["userId"],
    where: { emailDigest: true, digestedAt: null, createdAt: { lt: dayStart } },
    orderBy: { userId: "asc" },
  });
  for (const { userId } of users) {
    const { queued, taken } = await prisma.$transaction((tx) => digestOfUser(tx, userId, dayStart, now));
    result.queued += queued;
    result.notifications += taken;
  }
  return result;
}

async function digestOfUser(tx: Prisma.TransactionClient, userId: number, dayStart: Date, now: Date): Promise<{ queued: number; taken: number }> {
  const taken = await tx.$queryRaw<Waiting[]>`
    UPDATE "notification" SET "digested_at" = ${now}
     WHERE "user_id" = ${userId} AND "email_digest" AND "digested_at" IS NULL AND "created_at" < ${dayStart}
    RETURNING "id", "user_id", "event", "title", "body", "link", "created_at"`;
  if (taken.length === 0) return { queued: 0, taken: 0 };
  const [user, settings] = await Promise.all([
    tx.user.findUnique({ where: { id: userId }, select: { email: true, active: true } }),
    tx.notificationSettings.findUnique({ where: { id: 1 }, select: { smtpEnabled: true } }),
  ]);
  if (!user?.active || !user.email || !settings?.smtpEnabled) return { queued: 0, taken: taken.length };
  const byDay = new Map<string, Waiting[]>();
  for (const n of [...taken].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id - b.id)) {
    const day = formatDate(n.created_at);
    byDay.set(day, [...(byDay.get(day) ?? []), n]);
  }
  const data = [...byDay].map(([day, items]): Prisma.OutboxMessageCreateManyInput => {
    const payload: DigestPayload = {
      kind: "digest",
      day,
      items: items.map((n) => ({ title: n.title, body: n.body, link: n.link, at: n.created_at.toISOString() })),
    };
    return {
      channel: "EMAIL",
      // The column wants one event; the delivery log names a digest by its payload.
      event: items[0]!.event,
      recipientUserId: userId,
      address: user.email!,
      subject: messageSubject(`${day} 通知汇总（${items.length} 条）`),
      payload: payload as unknown as Prisma.InputJsonValue,
      idempotencyKey: `digest:${userId}:${day}`,
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  const queued = await tx.outboxMessage.createMany({ data, skipDuplicates: true });
  return { queued: queued.count, taken: taken.length };
}
