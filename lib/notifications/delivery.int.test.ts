import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reviewMonth } from "@/lib/progress/review-month";
import { saveProgress } from "@/lib/progress/save-progress";
import { submitMonth } from "@/lib/progress/submit-month";
import { type MailServer, mailServer } from "@/lib/testing/mail-server";
import { AFTER_2025, createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { type WebhookReceiver, webhookReceiver } from "@/lib/testing/webhook-receiver";
import { backoffMs, drainOutbox, MAX_ATTEMPTS } from "./drain-outbox";
import { notify } from "./notify";
import { sealSecret } from "./secret-box";
import { sendDigests } from "./send-digests";

/**
 * Delivery end to end, against a real SMTP server (smtp-server) and a local HTTP receiver standing in for the group
 * robots, both on 127.0.0.1: the events of the workflow reach their recipients in-app, by e-mail and by robot,
 * through the outbox and its sender.
 */

let f: Fixture;
let smtp: MailServer;
let robot: WebhookReceiver;
let ids: Record<"lead" | "manager", number>;
let department: number;
const SECRET = "SEC-test-secret";

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "notification-delivery-test-secret";
  f = await createFixture();
  smtp = await mailServer();
  await smtp.start();
  robot = await webhookReceiver();
  const users = await f.db.prisma.user.findMany({ where: { username: { in: ["lead", "manager"] } } });
  const byName = (u: string) => users.find((x) => x.username === u)!;
  ids = { lead: byName("lead").id, manager: byName("manager").id };
  department = byName("manager").departmentId!;
  await f.db.prisma.user.update({ where: { id: ids.lead }, data: { email: "lead@example.cn" } });
  await f.db.prisma.user.update({ where: { id: ids.manager }, data: { email: "manager@example.cn" } });
  await f.db.prisma.notificationSettings.create({
    data: { smtpEnabled: true, smtpHost: "127.0.0.1", smtpPort: smtp.port, smtpSender: "jx@example.cn", publicUrl: "https://jx.example.cn/" },
  });
}, 60_000);
afterAll(async () => {
  await smtp?.stop();
  await robot?.close();
  await f?.db.close();
});
beforeEach(async () => {
  smtp.received.length = 0;
  robot.received.length = 0;
  await f.db.prisma.outboxMessage.deleteMany();
  await f.db.prisma.departmentRobot.deleteMany();
});

const at = (iso: string) => new Date(iso);
const outbox = () => f.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });

async function submittedMonth(month: number): Promise<number> {
  const rows = f.liangquRows.map((r, i) => ({ indicatorId: r.id, version: 0, value: i === 5 ? "100" : i === 6 ? "达成" : i === 4 ? "1" : "1.5" }));
  const options = { now: AFTER_2025 };
  const saved = await saveProgress(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month, rows, executed: { value: "800", version: 0 } }, options);
  const submitted = await submitMonth(f.db.prisma, f.actors.lead, { sheetId: f.sheets.liangqu, month, version: saved.view.monthVersion }, options);
  return submitted.monthVersion;
}

describe("a returned month", () => {
  it("reaches the lead by e-mail, with its Chinese subject, and in-app; the managers heard of the submission", async () => {
    const version = await submittedMonth(6);
    await reviewMonth(
      f.db.prisma,
      f.actors.manager,
      { sheetId: f.sheets.liangqu, month: 6, version, decision: "return", comment: "请补充6月佐证资料" },
      { now: AFTER_2025 },
    );
    const inApp = await f.db.prisma.notification.findMany({ where: { sheetId: f.sheets.liangqu, month: 6 }, orderBy: { id: "asc" } });
    expect(inApp.map((n) => [n.userId, n.event, n.link])).toEqual([
      [ids.manager, "MONTH_SUBMITTED", `/sheets/${f.sheets.liangqu}/progress?month=6`],
      [ids.lead, "MONTH_RETURNED", `/sheets/${f.sheets.liangqu}/progress?month=6`],
    ]);
    expect(inApp[1]!.title).toBe("「2025年“两区”创新建设专项」2025年6月月报被退回");
    expect(inApp[1]!.body).toBe("审核人：王科长\n审核意见：请补充6月佐证资料");

    expect(await drainOutbox(f.db.prisma, { now: AFTER_2025 })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const toLead = smtp.received.find((m) => m.to.includes("lead@example.cn"))!;
    expect(toLead.subject).toBe("【绩效目标管理】「2025年“两区”创新建设专项」2025年6月月报被退回");
    expect(toLead.from).toBe("jx@example.cn");
    expect(toLead.text).toContain("审核意见：请补充6月佐证资料");
    expect(toLead.text).toContain(`查看：https://jx.example.cn/sheets/${f.sheets.liangqu}/progress?month=6`);
    expect(smtp.received.find((m) => m.to.includes("manager@example.cn"))!.subject).toBe(
      "【绩效目标管理】「2025年“两区”创新建设专项」2025年6月月报已提交，待审核",
    );
    expect((await outbox()).every((m) => m.status === "SENT" && m.sentAt !== null && m.attempts === 1)).toBe(true);
    expect(await drainOutbox(f.db.prisma, { now: AFTER_2025 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
  });
});

const event = (key: string, title: string, extra: Partial<Parameters<typeof notify>[1]> = {}) =>
  f.db.prisma.$transaction((tx) =>
    notify(tx, {
      type: "MONTH_APPROVED",
      recipients: [ids.lead],
      sheetId: f.sheets.liangqu,
      month: 4,
      link: `/sheets/${f.sheets.liangqu}/progress?month=4`,
      title,
      idempotencyKey: key,
      departmentId: null,
      at: AFTER_2025,
      ...extra,
    }),
  );

describe("with the SMTP server down", () => {
  it("keeps the messages queued with the error, and sends each once when it is back", async () => {
    await smtp.stop();
    try {
      await event("down-1", "第一条");
      await event("down-2", "第二条");
      const t0 = at("2026-03-02T01:00:00Z");
      expect(await drainOutbox(f.db.prisma, { now: t0 })).toEqual({ sent: 0, retrying: 2, failed: 0 });
      const waiting = await outbox();
      expect(waiting.map((m) => [m.status, m.attempts, m.sentAt])).toEqual([
        ["QUEUED", 1, null],
        ["QUEUED", 1, null],
      ]);
      expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(waiting[0]!.nextAttemptAt).toEqual(new Date(t0.getTime() + backoffMs(1)));
      // Before the back-off has passed nothing is tried again.
      expect(await drainOutbox(f.db.prisma, { now: new Date(t0.getTime() + backoffMs(1) - 1) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      await smtp.start();
    }
    const later = at("2026-03-02T01:05:00Z");
    // Two senders at once (two app instances): each message is claimed by one of them.
    const passes = await Promise.all([drainOutbox(f.db.prisma, { now: later }), drainOutbox(f.db.prisma, { now: later })]);
    expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(2);
    expect(await drainOutbox(f.db.prisma, { now: at("2026-03-03T00:00:00Z") })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(["【绩效目标管理】第一条", "【绩效目标管理】第二条"]);
    expect((await outbox()).map((m) => [m.status, m.attempts, m.lastError])).toEqual([
      ["SENT", 2, null],
      ["SENT", 2, null],
    ]);
  });

  it("gives up after the last attempt: FAILED, with its error, for the admin", async () => {
    await smtp.stop();
    try {
      await event("fail-1", "送不出去");
      let now = at("2026-03-04T00:00:00Z");
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const pass = await drainOutbox(f.db.prisma, { now });
        expect(pass).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
        now = new Date(now.getTime() + backoffMs(attempt));
      }
      const [message] = await outbox();
      expect(message).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, sentAt: null });
      expect(message!.lastError).toBeTruthy();
      expect(await drainOutbox(f.db.prisma, { now: at("2026-04-01T00:00:00Z") })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      await smtp.start();
    }
  });
});

describe("the daily digest", () => {
  it("gathers a day's events of a user who chose it into one e-mail, once", async () => {
    await f.db.prisma.notificationPreference.createMany({
      data: [
        { userId: ids.lead, event: "MONTH_APPROVED", mode: "DIGEST" },
        { userId: ids.lead, event: "MONTH_RETURNED", mode: "DIGEST" },
      ],
    });
    try {
      // 2026-03-10 in Beijing: 09:00, 15:00 and 23:30; the next event falls on 03-11.
      await event("digest-1", "「两区」4月月报审核通过", { at: at("2026-03-10T01:00:00Z") });
      await event("digest-2", "「两区」5月月报被退回", { type: "MONTH_RETURNED", body: "审核意见：补充附件", at: at("2026-03-10T07:00:00Z") });
      await event("digest-3", "「两区」6月月报审核通过", { at: at("2026-03-10T15:30:00Z") });
      await event("digest-4", "「两区」7月月报审核通过", { at: at("2026-03-10T16:30:00Z") });
      expect(await outbox()).toEqual([]);

      const morning = at("2026-03-11T00:00:00Z"); // 08:00 on 03-11 in Beijing
      expect(await sendDigests(f.db.prisma, { now: morning })).toEqual({ queued: 1, notifications: 3 });
      expect(await sendDigests(f.db.prisma, { now: morning })).toEqual({ queued: 0, notifications: 0 });
      expect(await drainOutbox(f.db.prisma, { now: morning })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [digest] = smtp.received;
      expect(digest!.to).toEqual(["lead@example.cn"]);
      expect(digest!.subject).toBe("【绩效目标管理】2026-03-10 通知汇总（3 条）");
      expect(digest!.text).toContain("1. 「两区」4月月报审核通过（2026-03-10 09:00）");
      expect(digest!.text).toContain("2. 「两区」5月月报被退回（2026-03-10 15:00）\n   审核意见：补充附件");
      expect(digest!.text).toContain("3. 「两区」6月月报审核通过（2026-03-10 23:30）");
      expect(digest!.text).not.toContain("7月");

      expect(await sendDigests(f.db.prisma, { now: at("2026-03-12T00:00:00Z") })).toEqual({ queued: 1, notifications: 1 });
    } finally {
      await f.db.prisma.notificationPreference.deleteMany({ where: { userId: ids.lead } });
    }
  });
});

describe("a department's group robot", () => {
  const robotWith = (platform: "WECOM" | "DINGTALK" | "FEISHU", secret: string | null) =>
    f.db.prisma.departmentRobot.create({
      data: { departmentId: department, platform, webhookUrl: `${robot.origin}/robot/send?access_token=abc`, secretCipher: secret ? sealSecret(secret) : null },
    });
  const now = at("2026-03-05T02:00:00Z");
  const raise = (key: string) => event(key, "「两区」4月月报审核通过", { departmentId: department, body: "审核人：王科长" });

  it("企业微信: the text message", async () => {
    await robotWith("WECOM", null);
    await raise("wecom-1");
    expect(await drainOutbox(f.db.prisma, { now })).toMatchObject({ sent: 2 });
    expect(robot.received).toEqual([
      {
        url: "/robot/send?access_token=abc",
        body: {
          msgtype: "text",
          text: { content: `【绩效目标管理】「两区」4月月报审核通过\n审核人：王科长\n查看：https://jx.example.cn/sheets/${f.sheets.liangqu}/progress?month=4` },
        },
      },
    ]);
  });

  it("钉钉: signed with timestamp and sign in the address", async () => {
    await robotWith("DINGTALK", SECRET);
    await raise("dingtalk-1");
    await drainOutbox(f.db.prisma, { now });
    const [post] = robot.received;
    const url = new URL(post!.url, robot.origin);
    const timestamp = String(now.getTime());
    expect(url.searchParams.get("access_token")).toBe("abc");
    expect(url.searchParams.get("timestamp")).toBe(timestamp);
    expect(url.searchParams.get("sign")).toBe(createHmac("sha256", SECRET).update(`${timestamp}\n${SECRET}`).digest("base64"));
    expect(post!.body).toMatchObject({ msgtype: "text", text: { content: expect.stringContaining("「两区」4月月报审核通过") } });
  });

  it("飞书: signed with timestamp and sign in the body", async () => {
    await robotWith("FEISHU", SECRET);
    await raise("feishu-1");
    await drainOutbox(f.db.prisma, { now });
    const [post] = robot.received;
    const timestamp = String(now.getTime() / 1000);
    expect(post!.body).toEqual({
      timestamp,
      sign: createHmac("sha256", `${timestamp}\n${SECRET}`).update("").digest("base64"),
      msg_type: "text",
      content: { text: expect.stringContaining("「两区」4月月报审核通过") },
    });
  });

  it("a robot's refusal keeps the message queued with the platform's error", async () => {
    await robotWith("DINGTALK", SECRET);
    robot.answer = { status: 200, body: { errcode: 310000, errmsg: "sign not match" } };
    try {
      await raise("refused-1");
      expect(await drainOutbox(f.db.prisma, { now })).toEqual({ sent: 1, retrying: 1, failed: 0 });
      const webhook = (await outbox()).find((m) => m.channel === "WEBHOOK")!;
      expect(webhook).toMatchObject({ status: "QUEUED", lastError: "机器人返回错误 310000：sign not match" });
    } finally {
      robot.answer = { status: 200, body: { errcode: 0, errmsg: "ok" } };
    }
  });
});
