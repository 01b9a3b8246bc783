import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationEvent, OutboxChannel, OutboxStatus } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import type { MessagePayload } from "./messages";

/** 发送记录: the outbox as the admin reads it — what went out, what waits, what failed and why — and 重新发送. */

const PAGE_SIZE = 50;

export const deliveriesQuerySchema = z.object({
  status: z.enum(["QUEUED", "SENT", "FAILED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export interface DeliveryRow {
  id: number;
  channel: OutboxChannel;
  event: NotificationEvent;
  digest: boolean;
  /** The e-mail address, or the department whose robot posts it. */
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

export async function listDeliveries(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof deliveriesQuerySchema> = {},
): Promise<{ rows: DeliveryRow[]; counts: Record<OutboxStatus, number>; page: number; pages: number }> {
  authorize(actor, { type: "notifications.manage" });
  const { status, page } = parseInput(deliveriesQuerySchema, input);
  const where: Prisma.OutboxMessageWhereInput = status ? { status } : {};
  const [rows, total, grouped, departments] = await Promise.all([
    prisma.outboxMessage.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    prisma.outboxMessage.count({ where }),
    prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true }, orderBy: { status: "asc" } }),
    prisma.department.findMany({ select: { id: true, name: true } }),
  ]);
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const counts: Record<OutboxStatus, number> = { QUEUED: 0, SENT: 0, FAILED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return {
    rows: rows.map((m) => ({
      id: m.id,
      channel: m.channel,
      event: m.event,
      digest: (m.payload as unknown as MessagePayload).kind === "digest",
      recipient: m.channel === "EMAIL" ? m.address : `${departmentName.get(m.departmentId!) ?? "（已删除的部门）"}群机器人`,
      subject: m.subject,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      nextAttemptAt: m.nextAttemptAt,
    })),
    counts,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export const resendSchema = z.object({ id: idSchema });

/**
 * Sends a message that failed (or still waits) again: QUEUED, due now, with a fresh count of attempts. A message
 * already SENT is not sent twice.
 */
export async function resendMessage(prisma: PrismaClient, actor: Actor, input: z.input<typeof resendSchema>, now = new Date()): Promise<{ subject: string }> {
  authorize(actor, { type: "notifications.manage" });
  const { id } = parseInput(resendSchema, input);
  return prisma.$transaction(async (tx) => {
    const message = await tx.outboxMessage.findUnique({ where: { id }, select: { status: true, subject: true, attempts: true } });
    if (!message) throw new AppError("NOT_FOUND", "找不到该消息");
    if (message.status === "SENT") throw new AppError("CONFLICT", "该消息已发送成功，不会重复发送");
    const updated = await tx.outboxMessage.updateMany({ where: { id, status: { not: "SENT" } }, data: { status: "QUEUED", attempts: 0, nextAttemptAt: now } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "该消息刚刚已发送成功，不会重复发送");
    await appendAudit(tx, actor, {
      action: "notification.resend",
      entityType: "OutboxMessage",
      entityId: id,
      before: { status: message.status, attempts: message.attempts },
      after: { status: "QUEUED", attempts: 0 },
    });
    return { subject: message.subject };
  });
}
