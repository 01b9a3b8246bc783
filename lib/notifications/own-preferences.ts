import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DeliveryMode, NotificationEvent } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { DEFAULT_DELIVERY_MODE, NOTIFICATION_EVENTS } from "./events";

/** 账号设置 → 通知: a user's e-mail address and, per event, how e-mail reaches them. */

export interface OwnNotificationSettings {
  email: string;
  modes: Record<NotificationEvent, DeliveryMode>;
  /** Whether the admin has switched e-mail on at all (else the choices wait for it). */
  mailEnabled: boolean;
}

function ownerOf(actor: Actor): number {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "无权执行此操作");
  return actor.id;
}

export async function getOwnNotificationSettings(prisma: PrismaClient, actor: Actor): Promise<OwnNotificationSettings> {
  const userId = ownerOf(actor);
  const [user, settings] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { email: true, notificationPrefs: { select: { event: true, mode: true } } } }),
    prisma.notificationSettings.findUnique({ where: { id: 1 }, select: { smtpEnabled: true } }),
  ]);
  if (!user) throw new AppError("NOT_FOUND", "找不到该用户");
  const stored = new Map(user.notificationPrefs.map((p) => [p.event, p.mode]));
  return {
    email: user.email ?? "",
    modes: Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, stored.get(e) ?? DEFAULT_DELIVERY_MODE])) as Record<NotificationEvent, DeliveryMode>,
    mailEnabled: settings?.smtpEnabled ?? false,
  };
}

const modeSchema = z.enum(["IMMEDIATE", "DIGEST", "OFF"], { error: "请选择发送方式" });

export const ownNotificationSettingsSchema = z.object({
  email: z
    .string({ error: "邮箱应为文字" })
    .trim()
    .max(254, "邮箱不能超过 254 个字符")
    .refine((v) => v === "" || /^[^@\s<>()[\]\\,;:"]+@[^@\s<>()[\]\\,;:"]+\.[^@\s<>()[\]\\,;:"]+$/.test(v), "邮箱格式不正确，如 zhangsan@example.gov.cn"),
  modes: z.object(
    Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, modeSchema.optional()])) as Record<NotificationEvent, z.ZodOptional<typeof modeSchema>>,
  ),
});
export type OwnNotificationSettingsInput = z.input<typeof ownNotificationSettingsSchema>;

export async function saveOwnNotificationSettings(prisma: PrismaClient, actor: Actor, input: OwnNotificationSettingsInput): Promise<OwnNotificationSettings> {
  const userId = ownerOf(actor);
  const { email, modes } = parseInput(ownNotificationSettingsSchema, input);
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await tx.user.update({ where: { id: userId }, data: { email: email || null } });
    for (const event of NOTIFICATION_EVENTS) {
      const mode = modes[event];
      if (!mode) continue;
      await tx.notificationPreference.upsert({ where: { userId_event: { userId, event } }, create: { userId, event, mode }, update: { mode } });
    }
    if ((before.email ?? "") !== email) {
      await appendAudit(tx, actor, {
        action: "user.email",
        entityType: "User",
        entityId: userId,
        before: { email: before.email },
        after: { email: email || null },
      });
    }
  });
  return getOwnNotificationSettings(prisma, actor);
}
