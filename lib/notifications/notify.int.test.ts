import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "@/lib/testing/progress-fixtures";
import { sheetAudience } from "./audience";
import { notify } from "./notify";

let f: Fixture;
let lead: number;
let manager: number;
beforeAll(async () => {
  f = await createFixture();
  const users = await f.db.prisma.user.findMany({ where: { username: { in: ["lead", "manager"] } }, select: { id: true, username: true } });
  lead = users.find((u) => u.username === "lead")!.id;
  manager = users.find((u) => u.username === "manager")!.id;
});
afterAll(async () => {
  await f?.db.close();
});

const event = (key: string, recipients = [lead]) => ({
  type: "MONTH_RETURNED" as const,
  recipients,
  sheetId: f.sheets.liangqu,
  month: 7,
  link: `/sheets/${f.sheets.liangqu}/progress?month=7`,
  title: "2025年7月月报被退回",
  body: "请补充佐证资料",
  idempotencyKey: key,
});
const raise = (e: ReturnType<typeof event>) => f.db.prisma.$transaction((tx) => notify(tx, e));

describe("notify", () => {
  it("finds a sheet's leads and its department's managers", async () => {
    const audience = await f.db.prisma.$transaction((tx) => sheetAudience(tx, f.sheets.liangqu));
    expect(audience).toMatchObject({ leads: [lead], managers: [manager], year: 2025 });
    expect(await f.db.prisma.$transaction((tx) => sheetAudience(tx, 999_999))).toBeNull();
  });

  it("writes one in-app notification per recipient and nothing more when raised again", async () => {
    expect(await raise(event("t1", [lead, lead, manager]))).toEqual({ notifications: 2, messages: 0 });
    expect(await raise(event("t1", [lead, manager]))).toEqual({ notifications: 0, messages: 0 });
    const rows = await f.db.prisma.notification.findMany({ where: { idempotencyKey: { startsWith: "t1:" } } });
    expect(new Map(rows.map((r) => [r.userId, [r.title, r.link, r.readAt]]))).toEqual(
      new Map([
        [lead, ["2025年7月月报被退回", `/sheets/${f.sheets.liangqu}/progress?month=7`, null]],
        [manager, ["2025年7月月报被退回", `/sheets/${f.sheets.liangqu}/progress?month=7`, null]],
      ]),
    );
  });

  it("queues e-mail by each user's choice once SMTP is on, and the department robot's message", async () => {
    await f.db.prisma.notificationSettings.create({ data: { smtpEnabled: true, smtpHost: "127.0.0.1", smtpSender: "ptt@example.cn" } });
    await f.db.prisma.user.update({ where: { id: lead }, data: { email: "lead@example.cn" } });
    await f.db.prisma.user.update({ where: { id: manager }, data: { email: "manager@example.cn" } });
    await f.db.prisma.notificationPreference.create({ data: { userId: manager, event: "MONTH_RETURNED", mode: "DIGEST" } });
    const department = (await f.db.prisma.user.findUniqueOrThrow({ where: { id: manager } })).departmentId!;
    await f.db.prisma.departmentRobot.create({ data: { departmentId: department, platform: "WECOM", webhookUrl: "http://127.0.0.1:9/robot" } });

    expect(await raise(event("t2", [lead, manager]))).toEqual({ notifications: 2, messages: 2 });
    const messages = await f.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "t2:" } }, orderBy: { id: "asc" } });
    expect(messages.map((m) => [m.channel, m.address, m.departmentId, m.status, m.subject])).toEqual([
      ["EMAIL", "lead@example.cn", null, "QUEUED", "【绩效目标管理】2025年7月月报被退回"],
      ["WEBHOOK", "", department, "QUEUED", "【绩效目标管理】2025年7月月报被退回"],
    ]);
    const digest = await f.db.prisma.notification.findFirstOrThrow({ where: { idempotencyKey: `t2:u${manager}` } });
    expect(digest.emailDigest).toBe(true);
    expect(await raise(event("t2", [lead, manager]))).toEqual({ notifications: 0, messages: 0 });
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      f.db.prisma.$transaction(async (tx) => {
        await notify(tx, event("t3"));
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await f.db.prisma.notification.count({ where: { idempotencyKey: { startsWith: "t3:" } } })).toBe(0);
    expect(await f.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: "t3:" } } })).toBe(0);
  });

  it("refuses a link that leaves the app (database check)", async () => {
    await expect(raise({ ...event("t4"), link: "https://evil.example/" })).rejects.toThrow();
  });
});
