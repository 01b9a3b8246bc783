import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryMode, NotificationEvent } from "@/lib/generated/prisma/enums";
import { DEFAULT_DELIVERY_MODE, messageSubject, ROBOT_EVENTS } from "./events";
import type { MessagePayload } from "./messages";

type Tx = Prisma.TransactionClient;

/** An event to tell users about (docs/notifications.md). */
export interface NotifyEvent {
  type: NotificationEvent;
  /** User ids; duplicates and inactive users are dropped. */
  recipients: readonly number[];
  sheetId?: number | null;
  month?: number | null;
  /** In-app path the notification leads to, e.g. `/sheets/12/progress?month=7`. */
  link: string;
  /** Chinese, one line: what happened to what (the e-mail subject and the bell's line). */
  title: string;
  /** Chinese, any length: the details (a reviewer's comment, a reason). */
  body?: string;
  /**
   * Names this occurrence of the event, the same however often it is raised (e.g. `month-returned:12:7:v3`,
   * `deadline-passed:12:7`). Each recipient's rows add `:u<userId>`, the robot's `:robot`; a row whose key exists
   * is skipped, so a retried or concurrent raise adds nothing.
   */
  idempotencyKey: string;
  /** The department whose group robot posts it: the sheet's department by default; null for none. */
  departmentId?: number | null;
  /** When it happened (the write's clock); now by default. */
  at?: Date;
}

export interface Notified {
  /** In-app notifications added (duplicates skipped). */
  notifications: number;
  /** Outbox messages queued (e-mail and webhook; duplicates skipped). */
  messages: number;
}

/**
 * Raises an event inside the caller's transaction: one in-app notification per recipient, and the outbox messages
 * the recipients' choices and the admin's channels call for — e-mail at once (IMMEDIATE), a mark for the daily
 * digest (DIGEST), nothing (OFF), and one message for the department's group robot. Nothing is sent here: the
 * sender (drainOutbox) delivers after the commit, so a rolled-back write tells no one.
 */
export async function notify(tx: Tx, event: NotifyEvent): Promise<Notified> {
  const at = event.at ?? new Date();
  const body = event.body ?? "";
  const ids = [...new Set(event.recipients)];
  const users = ids.length
    ? await tx.user.findMany({
        where: { id: { in: ids }, active: true },
        select: { id: true, email: true, notificationPrefs: { where: { event: event.type }, select: { mode: true } } },
        orderBy: { id: "asc" },
      })
    : [];
  const settings = await tx.notificationSettings.findUnique({ where: { id: 1 }, select: { smtpEnabled: true } });
  const mailOn = settings?.smtpEnabled ?? false;
  const modeOf = (u: (typeof users)[number]): DeliveryMode => (mailOn && u.email ? (u.notificationPrefs[0]?.mode ?? DEFAULT_DELIVERY_MODE) : "OFF");
  const payload: MessagePayload = { kind: "event", title: event.title, body, link: event.link, sheetId: event.sheetId ?? null, month: event.month ?? null };

  const inApp = await tx.notification.createMany({
    data: users.map((u) => ({
      userId: u.id,
      event: event.type,
      sheetId: event.sheetId ?? null,
      month: event.month ?? null,
      link: event.link,
      title: event.title,
      body,
      idempotencyKey: `${event.idempotencyKey}:u${u.id}`,
      emailDigest: modeOf(u) === "DIGEST",
      createdAt: at,
    })),
    skipDuplicates: true,
  });

  const outbox: Prisma.OutboxMessageCreateManyInput[] = users
    .filter((u) => modeOf(u) === "IMMEDIATE")
    .map((u) => ({
      channel: "EMAIL",
      event: event.type,
      recipientUserId: u.id,
      address: u.email!,
      subject: messageSubject(event.title),
      payload: payload as unknown as Prisma.InputJsonValue,
      idempotencyKey: `${event.idempotencyKey}:u${u.id}:email`,
      nextAttemptAt: at,
      createdAt: at,
    }));
  const departmentId = ROBOT_EVENTS.has(event.type) ? await robotDepartment(tx, event) : null;
  if (departmentId !== null) {
    const robot = await tx.departmentRobot.findUnique({ where: { departmentId }, select: { enabled: true } });
    if (robot?.enabled) {
      outbox.push({
        channel: "WEBHOOK",
        event: event.type,
        departmentId,
        subject: messageSubject(event.title),
        payload: payload as unknown as Prisma.InputJsonValue,
        idempotencyKey: `${event.idempotencyKey}:robot`,
        nextAttemptAt: at,
        createdAt: at,
      });
    }
  }
  const queued = outbox.length ? await tx.outboxMessage.createMany({ data: outbox, skipDuplicates: true }) : { count: 0 };
  return { notifications: inApp.count, messages: queued.count };
}

async function robotDepartment(tx: Tx, event: NotifyEvent): Promise<number | null> {
  if (event.departmentId !== undefined) return event.departmentId;
  if (event.sheetId == null) return null;
  const sheet = await tx.targetSheet.findUnique({ where: { id: event.sheetId }, select: { unit: { select: { departmentId: true } } } });
  return sheet?.unit.departmentId ?? null;
}
