import { createHmac } from "node:crypto";
import type { RobotPlatform } from "@/lib/generated/prisma/enums";

/**
 * The text-message webhooks of the group robots (docs/notifications.md):
 * - 企业微信: POST `{"msgtype":"text","text":{"content":…}}` to the webhook address; no signing.
 * - 钉钉: the same body shape; with 加签, `&timestamp=<ms>&sign=<urlencoded base64 HMAC-SHA256(key = secret,
 *   message = timestamp + "\n" + secret)>` is appended to the address.
 * - 飞书: POST `{"msg_type":"text","content":{"text":…}}`; with 签名校验 the body carries `timestamp` (seconds, as a
 *   string) and `sign` = base64 HMAC-SHA256(key = timestamp + "\n" + secret, message = empty).
 * Each answers HTTP 200 with a JSON code (`errcode` / `code`) that is 0 when the message was posted.
 */

export const ROBOT_PLATFORM_LABEL: Record<RobotPlatform, string> = { WECOM: "企业微信", DINGTALK: "钉钉", FEISHU: "飞书" };

export interface RobotRequest {
  url: string;
  body: Record<string, unknown>;
}

export function robotRequest(platform: RobotPlatform, webhookUrl: string, secret: string | null, text: string, now: Date): RobotRequest {
  switch (platform) {
    case "WECOM":
      return { url: webhookUrl, body: { msgtype: "text", text: { content: text } } };
    case "DINGTALK": {
      if (!secret) return { url: webhookUrl, body: { msgtype: "text", text: { content: text } } };
      const timestamp = String(now.getTime());
      const sign = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
      const url = new URL(webhookUrl);
      url.searchParams.set("timestamp", timestamp);
      url.searchParams.set("sign", sign);
      return { url: url.toString(), body: { msgtype: "text", text: { content: text } } };
    }
    case "FEISHU": {
      const body: Record<string, unknown> = { msg_type: "text", content: { text } };
      if (!secret) return { url: webhookUrl, body };
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const sign = createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
      return { url: webhookUrl, body: { timestamp, sign, ...body } };
    }
  }
}

/** Why a robot's answer means the message was not posted; null when it was. */
export function robotRefusal(status: number, text: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}${text ? `：${text.slice(0, 300)}` : ""}`;
  let answer: { errcode?: unknown; code?: unknown; errmsg?: unknown; msg?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return null; // a 2xx without JSON: accepted (a relay, or a receiver that answers plainly)
  }
  const code = answer.errcode ?? answer.code ?? 0;
  if (code === 0 || code === "0") return null;
  return `机器人返回错误 ${String(code)}：${String(answer.errmsg ?? answer.msg ?? "")}`;
}
