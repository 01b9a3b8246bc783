import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationEvent } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";

/** The notification centre of the signed-in user: their own notifications only, whoever asks. */

const PAGE_SIZE = 50;

function ownerOf(actor: Actor): number {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "无权执行此操作");
  return actor.id;
}

export interface InboxItem {
  id: number;
  event: NotificationEvent;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  read: boolean;
}

export async function unreadCount(prisma: PrismaClient, actor: Actor): Promise<number> {
  return prisma.notification.count({ where: { userId: ownerOf(actor), readAt: null } });
}

export const inboxQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1), unread: z.boolean().default(false) });

/** Newest first, a page at a time. */
export async function listNotifications(
  prisma: PrismaClient,
  actor: Actor,
  input: z.input<typeof inboxQuerySchema> = {},
): Promise<{ items: InboxItem[]; unread: number; total: number; page: number; pages: number }> {
  const userId = ownerOf(actor);
  const { page, unread } = parseInput(inboxQuerySchema, input);
  const where = { userId, ...(unread ? { readAt: null } : {}) };
  const [rows, total, unreadTotal] = await Promise.all([
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    items: rows.map((n) => ({ id: n.id, event: n.event, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt, read: n.readAt !== null })),
    unread: unreadTotal,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export const markReadSchema = z.object({ id: idSchema });

/** Marks one of the user's notifications read; another user's is not found. */
export async function markRead(prisma: PrismaClient, actor: Actor, input: z.input<typeof markReadSchema>, now = new Date()): Promise<{ link: string }> {
  const userId = ownerOf(actor);
  const { id } = parseInput(markReadSchema, input);
  const found = await prisma.notification.findFirst({ where: { id, userId }, select: { link: true } });
  if (!found) throw new AppError("NOT_FOUND", "找不到该通知");
  await prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  return found;
}

export async function markAllRead(prisma: PrismaClient, actor: Actor, now = new Date()): Promise<number> {
  const { count } = await prisma.notification.updateMany({ where: { userId: ownerOf(actor), readAt: null }, data: { readAt: now } });
  return count;
}
