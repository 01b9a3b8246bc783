import { formatTimestamp } from "@/lib/beijing-time";
import type { MessagePayload } from "./messages";

/** The app's address for a link in a message: the admin's public address, or the path alone while none is set. */
export const absoluteLink = (publicUrl: string, link: string): string => (publicUrl ? `${publicUrl.replace(/\/+$/, "")}${link}` : link);

const FOOTER = "—— 绩效目标管理（系统自动发送，请勿回复）";

/** The plain-text body of an e-mail. */
export function emailText(payload: MessagePayload, publicUrl: string): string {
  if (payload.kind === "event") {
    return [payload.title, payload.body, `查看：${absoluteLink(publicUrl, payload.link)}`, FOOTER].filter(Boolean).join("\n\n");
  }
  const items = payload.items.map((item, i) =>
    [`${i + 1}. ${item.title}（${formatTimestamp(new Date(item.at))}）`, item.body && `   ${item.body}`, `   查看：${absoluteLink(publicUrl, item.link)}`]
      .filter(Boolean)
      .join("\n"),
  );
  return [`${payload.day} 共有 ${payload.items.length} 条通知：`, ...items, FOOTER].join("\n\n");
}

/** The text a group robot posts. */
export function robotText(subject: string, payload: MessagePayload, publicUrl: string): string {
  if (payload.kind === "digest") return emailText(payload, publicUrl);
  return [subject, payload.body, `查看：${absoluteLink(publicUrl, payload.link)}`].filter(Boolean).join("\n");
}
