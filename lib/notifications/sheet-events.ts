import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignmentRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { sheetAudience } from "./audience";
import { notify } from "./notify";

/**
 * The workflow's events (docs/notifications.md, "Events and who receives them"), raised by the use cases inside
 * their writeSheet transaction. Each names its occurrence by the record's version after the write, so the same
 * change is told once and a later one (a month returned again) is told again.
 */

type Tx = Prisma.TransactionClient;

const actorName = (actor: Actor): string => (actor.kind === "user" ? actor.displayName : "系统");

export type MonthEvent = "MONTH_SUBMITTED" | "MONTH_RETURNED" | "MONTH_APPROVED" | "MONTH_REOPENED";

const MONTH_TITLE: Record<MonthEvent, string> = {
  MONTH_SUBMITTED: "已提交，待审核",
  MONTH_RETURNED: "被退回",
  MONTH_APPROVED: "审核通过",
  MONTH_REOPENED: "被重新开放",
};

export async function notifyMonth(
  tx: Tx,
  event: { type: MonthEvent; sheetId: number; month: number; version: number; comment: string; actor: Actor; at: Date },
): Promise<void> {
  const audience = await sheetAudience(tx, event.sheetId);
  if (!audience) return;
  const recipients = event.type === "MONTH_SUBMITTED" ? audience.managers : audience.leads;
  const label = event.type === "MONTH_REOPENED" ? "重新开放原因" : event.type === "MONTH_SUBMITTED" ? "" : "审核意见";
  await notify(tx, {
    type: event.type,
    recipients,
    sheetId: event.sheetId,
    month: event.month,
    link: `/sheets/${event.sheetId}/progress?month=${event.month}`,
    title: `「${audience.sheetName}」${audience.year}年${event.month}月月报${MONTH_TITLE[event.type]}`,
    body: [`${event.type === "MONTH_SUBMITTED" ? "提交人" : "审核人"}：${actorName(event.actor)}`, label && event.comment ? `${label}：${event.comment}` : ""]
      .filter(Boolean)
      .join("\n"),
    idempotencyKey: `${event.type.toLowerCase()}:${event.sheetId}:${event.month}:v${event.version}`,
    departmentId: audience.departmentId,
    at: event.at,
  });
}

export async function notifyEvaluation(
  tx: Tx,
  event: { type: "EVALUATION_FINALISED" | "EVALUATION_REOPENED"; self?: boolean; sheetId: number; version: number; detail: string; actor: Actor; at: Date },
): Promise<void> {
  const audience = await sheetAudience(tx, event.sheetId);
  if (!audience) return;
  const finalised = event.type === "EVALUATION_FINALISED";
  // A reopened 自评 goes back to its lead alone; the evaluator's evaluation concerns everyone on the sheet.
  const recipients = event.self
    ? audience.leads
    : finalised
      ? [...audience.leads, ...audience.managers]
      : [...audience.evaluators, ...audience.leads, ...audience.managers];
  const what = event.self ? "自评" : "年终评价";
  await notify(tx, {
    type: event.type,
    recipients,
    sheetId: event.sheetId,
    link: `/sheets/${event.sheetId}/evaluate`,
    title: `「${audience.sheetName}」${audience.year}年度${what}${finalised ? "已定稿" : "被重新开放"}`,
    body: [`${finalised ? "评价人" : "操作人"}：${actorName(event.actor)}`, event.detail].filter(Boolean).join("\n"),
    idempotencyKey: `${event.type.toLowerCase()}${event.self ? ":self" : ""}:${event.sheetId}:v${event.version}`,
    departmentId: event.self ? null : audience.departmentId,
    at: event.at,
  });
}

export async function notifyAssigned(tx: Tx, event: { sheetId: number; userId: number; role: AssignmentRole; assignmentId: number; at: Date }): Promise<void> {
  const audience = await sheetAudience(tx, event.sheetId);
  if (!audience) return;
  const duty = event.role === "LEAD" ? "项目负责人" : "评价人";
  await notify(tx, {
    type: "SHEET_ASSIGNED",
    recipients: [event.userId],
    sheetId: event.sheetId,
    link: `/sheets/${event.sheetId}`,
    title: `你被分配为「${audience.sheetName}」的${duty}`,
    body: `${audience.unitName} · ${audience.year}年度`,
    idempotencyKey: `sheet_assigned:${event.assignmentId}`,
    departmentId: null,
    at: event.at,
  });
}
