import "server-only";
import type { OutboxMessage, PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { MessagePayload } from "./messages";
import { type Mailer, smtpMailer } from "./mailer";
import { emailText, robotText } from "./render";
import { robotRefusal, robotRequest } from "./robots";
import { openSecret } from "./secret-box";

/** Attempts before a message is FAILED (an admin may resend it): back-off 1, 2, 4 … 64 minutes, about two hours in all. */
export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 60_000;
/** A claimed message is left alone this long by other senders; every send is bounded well below it (mailer.ts). */
export const CLAIM_LEASE_MS = 5 * 60_000;
const BATCH = 50;
const WEBHOOK_TIMEOUT_MS = 15_000;

export const backoffMs = (attempts: number): number => BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1);

export interface DrainResult {
  sent: number;
  /** Failed this pass and queued again for later. */
  retrying: number;
  /** Failed for the last time (FAILED). */
  failed: number;
}

/**
 * The sender: delivers the due QUEUED messages of the outbox. A message is claimed in one statement
 * (`FOR UPDATE SKIP LOCKED`, its attempt counted and its next attempt pushed out by the lease), so two senders —
 * two passes, two app instances — never take the same message; it is then sent outside any transaction and marked
 * SENT once (only while it is still QUEUED). A failure keeps the message QUEUED with its error and an exponential
 * back-off, until the last attempt marks it FAILED. A crash between the send and the mark sends it again after the
 * lease: at least once, with the same Message-ID.
 */
export async function drainOutbox(prisma: PrismaClient, options: { now?: Date } = {}): Promise<DrainResult> {
  const now = options.now ?? new Date();
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  let mailer: Mailer | AppError | null = null;
  const settings = await prisma.notificationSettings.findUnique({ where: { id: 1 } });
  try {
    for (;;) {
      const claimed = await claim(prisma, now);
      if (claimed.length === 0) break;
      for (const message of claimed) {
        let error: string | null = null;
        try {
          if (message.channel === "EMAIL") {
            if (!settings?.smtpEnabled) throw new AppError("CONFLICT", "邮件发送未启用（系统管理 → 通知）");
            mailer ??= openMailer(settings);
            if (mailer instanceof AppError) throw mailer;
            const payload = message.payload as unknown as MessagePayload;
            await mailer.send({
              to: message.address,
              subject: message.subject,
              text: emailText(payload, settings.publicUrl),
              messageId: messageId(message, settings.smtpSender),
            });
          } else {
            await postToRobot(prisma, message, settings?.publicUrl ?? "", now);
          }
        } catch (e) {
          error = describeError(e);
        }
        const outcome = await settle(prisma, message, error, now);
        result[outcome] += 1;
      }
    }
  } finally {
    if (mailer && !(mailer instanceof AppError)) mailer.close();
  }
  return result;
}

function openMailer(settings: Parameters<typeof smtpMailer>[0]): Mailer | AppError {
  try {
    return smtpMailer(settings);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

async function claim(prisma: PrismaClient, now: Date): Promise<OutboxMessage[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    UPDATE "outbox_message" SET "attempts" = "attempts" + 1, "next_attempt_at" = ${lease}
     WHERE "id" IN (SELECT "id" FROM "outbox_message"
                     WHERE "status" = 'QUEUED' AND "next_attempt_at" <= ${now}
                     ORDER BY "next_attempt_at", "id" LIMIT ${BATCH}
                       FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  if (rows.length === 0) return [];
  return prisma.outboxMessage.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { id: "asc" } });
}

async function settle(prisma: PrismaClient, message: OutboxMessage, error: string | null, now: Date): Promise<keyof DrainResult> {
  const still = { id: message.id, status: "QUEUED" as const };
  if (error === null) {
    await prisma.outboxMessage.updateMany({ where: still, data: { status: "SENT", sentAt: now, lastError: null } });
    return "sent";
  }
  const last = message.attempts >= MAX_ATTEMPTS;
  await prisma.outboxMessage.updateMany({
    where: still,
    data: { status: last ? "FAILED" : "QUEUED", lastError: error.slice(0, 2000), nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)) },
  });
  return last ? "failed" : "retrying";
}

function messageId(message: OutboxMessage, sender: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(sender)?.[1] ?? "localhost";
  return `<outbox-${message.id}-${message.createdAt.getTime()}@${domain}>`;
}

async function postToRobot(prisma: PrismaClient, message: OutboxMessage, publicUrl: string, now: Date): Promise<void> {
  const robot = message.departmentId === null ? null : await prisma.departmentRobot.findUnique({ where: { departmentId: message.departmentId } });
  if (!robot?.enabled) throw new AppError("CONFLICT", "该部门没有启用的群机器人");
  const secret = robot.secretCipher ? openSecret(robot.secretCipher, "机器人签名密钥") : null;
  const request = robotRequest(
    robot.platform,
    robot.webhookUrl,
    secret,
    robotText(message.subject, message.payload as unknown as MessagePayload, publicUrl),
    now,
  );
  const response = await fetch(request.url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(request.body),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  const refusal = robotRefusal(response.status, await response.text());
  if (refusal) throw new Error(refusal);
}

/** What the delivery log shows: the error, and the network's reason behind a bare "fetch failed". */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? e.cause.message : "";
  return cause && !e.message.includes(cause) ? `${e.message}：${cause}` : e.message;
}
