import type { DeliveryMode, NotificationEvent } from "@/lib/generated/prisma/enums";

/** The events users hear about (docs/notifications.md), in the order the account page lists them. */
export const EVENT_LABEL: Record<NotificationEvent, string> = {
  MONTH_RETURNED: "月报被退回",
  MONTH_APPROVED: "月报审核通过",
  MONTH_REOPENED: "月报被重新开放",
  MONTH_SUBMITTED: "月报待审核",
  EVALUATION_FINALISED: "年终评价定稿",
  EVALUATION_REOPENED: "年终评价重新开放",
  SHEET_ASSIGNED: "分配了绩效目标表",
  DEADLINE_SOON: "填报截止提醒",
  DEADLINE_PASSED: "填报逾期提醒",
  OVERDUE_SUMMARY: "逾期汇总",
};

export const NOTIFICATION_EVENTS = Object.keys(EVENT_LABEL) as NotificationEvent[];

export const DELIVERY_MODE_LABEL: Record<DeliveryMode, string> = {
  IMMEDIATE: "立即发送",
  DIGEST: "每日汇总",
  OFF: "不发送",
};

/** A user without a stored choice gets e-mail of every event at once. */
export const DEFAULT_DELIVERY_MODE: DeliveryMode = "IMMEDIATE";

/**
 * Events a department's group robot posts: what the department works on together. A personal matter (a sheet
 * assigned to someone) stays out of the group.
 */
export const ROBOT_EVENTS: ReadonlySet<NotificationEvent> = new Set<NotificationEvent>([
  "MONTH_SUBMITTED",
  "MONTH_RETURNED",
  "MONTH_APPROVED",
  "MONTH_REOPENED",
  "EVALUATION_FINALISED",
  "EVALUATION_REOPENED",
  "DEADLINE_SOON",
  "DEADLINE_PASSED",
  "OVERDUE_SUMMARY",
]);

/** The subject line of an e-mail (and the title of a robot message): the product's name, then what happened. */
export const messageSubject = (title: string): string => `【绩效目标管理】${title}`;
