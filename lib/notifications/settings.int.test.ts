import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture, refusal } from "@/lib/testing/progress-fixtures";
import { getNotificationSettings, maskWebhookUrl, removeRobot, saveRobot, saveSmtpSettings } from "./admin-settings";
import { listDeliveries, resendMessage } from "./deliveries";
import { listNotifications, markAllRead, markRead, unreadCount } from "./inbox";
import { notify } from "./notify";
import { getOwnNotificationSettings, saveOwnNotificationSettings } from "./own-preferences";
import { openSecret } from "./secret-box";

let f: Fixture;
let ids: Record<"lead" | "lead2" | "manager", number>;
let department: number;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "notification-settings-test-secret";
  f = await createFixture();
  const users = await f.db.prisma.user.findMany({ where: { username: { in: ["lead", "lead2", "manager"] } } });
  const byName = (u: string) => users.find((x) => x.username === u)!;
  ids = { lead: byName("lead").id, lead2: byName("lead2").id, manager: byName("manager").id };
  department = byName("manager").departmentId!;
}, 60_000);
afterAll(async () => {
  await f?.db.close();
});

const raise = (key: string, recipients: number[]) =>
  f.db.prisma.$transaction((tx) => notify(tx, { type: "SHEET_ASSIGNED", recipients, link: "/sheets", title: `通知 ${key}`, idempotencyKey: key }));

describe("the notification centre", () => {
  it("lists a user's own notifications, newest first, and marks them read — one or all", async () => {
    await raise("inbox-1", [ids.lead]);
    await raise("inbox-2", [ids.lead, ids.lead2]);
    expect(await unreadCount(f.db.prisma, f.actors.lead)).toBe(2);
    const inbox = await listNotifications(f.db.prisma, f.actors.lead);
    expect(inbox.items.map((n) => [n.title, n.read])).toEqual([
      ["通知 inbox-2", false],
      ["通知 inbox-1", false],
    ]);
    expect(await markRead(f.db.prisma, f.actors.lead, { id: inbox.items[1]!.id })).toEqual({ link: "/sheets" });
    expect(await unreadCount(f.db.prisma, f.actors.lead)).toBe(1);
    // Another user's notification is not theirs to read, nor to mark.
    const other = await listNotifications(f.db.prisma, f.actors.lead2);
    expect((await refusal(markRead(f.db.prisma, f.actors.lead, { id: other.items[0]!.id }))).code).toBe("NOT_FOUND");
    expect(await markAllRead(f.db.prisma, f.actors.lead)).toBe(1);
    expect(await unreadCount(f.db.prisma, f.actors.lead)).toBe(0);
    expect(await unreadCount(f.db.prisma, f.actors.lead2)).toBe(1);
    expect((await listNotifications(f.db.prisma, f.actors.lead, { unread: true })).items).toEqual([]);
  });
});

describe("系统管理 → 通知", () => {
  it("is for admins only", async () => {
    for (const who of ["manager", "lead", "evaluator"] as const) {
      expect((await refusal(getNotificationSettings(f.db.prisma, f.actors[who]))).code).toBe("FORBIDDEN");
      expect((await refusal(listDeliveries(f.db.prisma, f.actors[who]))).code).toBe("FORBIDDEN");
    }
  });

  it("stores the SMTP password sealed, never shows it, keeps it when left blank, and audits without it", async () => {
    const input = {
      smtpEnabled: "true",
      smtpHost: "smtp.example.gov.cn",
      smtpPort: "465",
      smtpSecurity: "TLS",
      smtpUser: "jx",
      smtpPassword: "S3cret-密码",
      smtpSender: "绩效管理 <jx@example.gov.cn>",
      publicUrl: "https://jx.example.gov.cn",
    } as const;
    const saved = await saveSmtpSettings(f.db.prisma, f.actors.admin, input);
    expect(saved).toEqual({ ...input, smtpEnabled: true, smtpPort: 465, hasPassword: true, smtpPassword: undefined });
    const stored = await f.db.prisma.notificationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(stored.smtpPasswordCipher).not.toContain("S3cret");
    expect(openSecret(stored.smtpPasswordCipher!, "SMTP 密码")).toBe("S3cret-密码");
    expect(JSON.stringify(await getNotificationSettings(f.db.prisma, f.actors.admin))).not.toContain(stored.smtpPasswordCipher!);

    await saveSmtpSettings(f.db.prisma, f.actors.admin, { ...input, smtpPassword: "", smtpPort: "587", smtpSecurity: "STARTTLS" });
    expect((await f.db.prisma.notificationSettings.findUniqueOrThrow({ where: { id: 1 } })).smtpPasswordCipher).toBe(stored.smtpPasswordCipher);
    const audits = await f.db.prisma.auditLog.findMany({ where: { action: "notification.smtp" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toMatch(/S3cret|smtpPasswordCipher/);
    expect(audits[0]!.after).toMatchObject({ passwordChanged: true, hasPassword: true });

    await saveSmtpSettings(f.db.prisma, f.actors.admin, { ...input, smtpPassword: "", clearPassword: "true" });
    expect((await getNotificationSettings(f.db.prisma, f.actors.admin)).smtp.hasPassword).toBe(false);
  });

  it("refuses bad SMTP settings, naming each field", async () => {
    const err = await refusal(
      saveSmtpSettings(f.db.prisma, f.actors.admin, {
        smtpEnabled: "true",
        smtpHost: "",
        smtpPort: "70000",
        smtpSecurity: "NONE",
        smtpSender: "nobody",
        publicUrl: "jx.example",
      }),
    );
    expect(err.code).toBe("INVALID");
    expect(Object.fromEntries(err.problems.map((p) => [p.path, p.message]))).toMatchObject({
      smtpHost: "启用邮件发送时请填写 SMTP 服务器",
      smtpPort: "端口应为 1–65535 的整数",
      smtpSender: expect.stringContaining("发件人应为邮箱地址"),
      publicUrl: expect.stringContaining("系统访问地址应以 http:// 或 https:// 开头"),
    });
  });

  it("sets a department's robot with its secret sealed and its address masked, and removes it", async () => {
    const url = "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef3f9a";
    await saveRobot(f.db.prisma, f.actors.admin, { departmentId: String(department), platform: "DINGTALK", webhookUrl: url, secret: "SECabc" });
    const { robots } = await getNotificationSettings(f.db.prisma, f.actors.admin);
    const mine = robots.find((r) => r.departmentId === department)!;
    expect(mine.robot).toEqual({ platform: "DINGTALK", maskedUrl: "https://oapi.dingtalk.com/robot/send?access_token=…3f9a", hasSecret: true, enabled: true });
    const stored = await f.db.prisma.departmentRobot.findUniqueOrThrow({ where: { departmentId: department } });
    expect(openSecret(stored.secretCipher!, "机器人签名密钥")).toBe("SECabc");
    // Blank address and secret keep what is stored; 企业微信 has no secret.
    await saveRobot(f.db.prisma, f.actors.admin, { departmentId: String(department), platform: "DINGTALK", enabled: "false" });
    expect(await f.db.prisma.departmentRobot.findUniqueOrThrow({ where: { departmentId: department } })).toMatchObject({ webhookUrl: url, enabled: false });
    const wecom = await refusal(saveRobot(f.db.prisma, f.actors.admin, { departmentId: String(department), platform: "WECOM", secret: "x" }));
    expect(wecom.problems).toEqual([{ path: "secret", message: "企业微信群机器人没有签名密钥，请留空" }]);
    const robotAudits = await f.db.prisma.auditLog.findMany({ where: { entityType: "DepartmentRobot" } });
    expect(JSON.stringify(robotAudits.map((a) => [a.before, a.after]))).not.toContain("0123456789abcdef");
    await removeRobot(f.db.prisma, f.actors.admin, { departmentId: String(department) });
    expect(await f.db.prisma.departmentRobot.count()).toBe(0);
    expect(maskWebhookUrl("https://open.feishu.cn/open-apis/bot/v2/hook/abcdefghijklmnop1234")).toBe("https://open.feishu.cn/open-apis/bot/v2/hook/…1234");
  });

  it("sends a failed message again, never one already sent", async () => {
    const base = { channel: "EMAIL" as const, event: "MONTH_RETURNED" as const, address: "lead@example.cn", subject: "【绩效目标管理】测试", payload: {} };
    const failed = await f.db.prisma.outboxMessage.create({
      data: { ...base, idempotencyKey: "resend-1", status: "FAILED", attempts: 8, lastError: "ECONNREFUSED" },
    });
    const sent = await f.db.prisma.outboxMessage.create({ data: { ...base, idempotencyKey: "resend-2", status: "SENT", attempts: 1, sentAt: new Date() } });
    const log = await listDeliveries(f.db.prisma, f.actors.admin, { status: "FAILED" });
    expect(log.rows.map((r) => [r.id, r.lastError, r.recipient])).toEqual([[failed.id, "ECONNREFUSED", "lead@example.cn"]]);
    const now = new Date("2026-03-01T00:00:00Z");
    await resendMessage(f.db.prisma, f.actors.admin, { id: failed.id }, now);
    expect(await f.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "QUEUED",
      attempts: 0,
      nextAttemptAt: now,
    });
    expect((await refusal(resendMessage(f.db.prisma, f.actors.admin, { id: sent.id }))).message).toBe("该消息已发送成功，不会重复发送");
  });
});

describe("账号设置 → 通知", () => {
  it("keeps the user's address and a choice per event; refuses a malformed address", async () => {
    const before = await getOwnNotificationSettings(f.db.prisma, f.actors.lead2);
    expect(before.email).toBe("");
    expect(before.modes.MONTH_RETURNED).toBe("IMMEDIATE");
    const saved = await saveOwnNotificationSettings(f.db.prisma, f.actors.lead2, {
      email: " fan@example.gov.cn ",
      modes: { MONTH_RETURNED: "DIGEST", MONTH_APPROVED: "OFF" },
    });
    expect(saved).toMatchObject({ email: "fan@example.gov.cn", modes: { MONTH_RETURNED: "DIGEST", MONTH_APPROVED: "OFF", MONTH_REOPENED: "IMMEDIATE" } });
    const bad = await refusal(saveOwnNotificationSettings(f.db.prisma, f.actors.lead2, { email: "fan@", modes: {} }));
    expect(bad.problems).toEqual([{ path: "email", message: "邮箱格式不正确，如 zhangsan@example.gov.cn" }]);
    const cleared = await saveOwnNotificationSettings(f.db.prisma, f.actors.lead2, { email: "", modes: {} });
    expect(cleared).toMatchObject({ email: "", modes: { MONTH_RETURNED: "DIGEST" } });
  });
});
