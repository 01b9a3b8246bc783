import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RobotPlatform, SmtpSecurity } from "@/lib/generated/prisma/enums";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { idSchema, textOf, wholeNumberOf } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { sealSecret } from "./secret-box";

/**
 * 系统管理 → 通知: the SMTP server and the public address of the app, and a group robot per department (admins).
 * Secrets go in, never out: the page learns only whether one is stored. Every change is audited, without secrets.
 */

/** A form's "true"/"false" (or the boolean it becomes: the server action parses once, the use case again). */
const onOff = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "请选择是否启用" });
const ADDRESS = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

export const smtpSettingsSchema = z
  .object({
    smtpEnabled: onOff,
    smtpHost: textOf("SMTP 服务器", { max: 200 }),
    smtpPort: wholeNumberOf("端口应为 1–65535 的整数", 1, 65_535),
    smtpSecurity: z.enum(["NONE", "STARTTLS", "TLS"], { error: "请选择加密方式" }),
    smtpUser: textOf("用户名", { max: 200 }).default(""),
    /** Empty: keep the stored password. */
    smtpPassword: z.string({ error: "密码应为文字" }).max(500, "密码不能超过 500 个字符").default(""),
    clearPassword: onOff.default(false),
    smtpSender: textOf("发件人", { max: 200 }),
    publicUrl: textOf("系统访问地址", { max: 300 }).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.smtpEnabled && v.smtpHost === "") ctx.addIssue({ code: "custom", path: ["smtpHost"], message: "启用邮件发送时请填写 SMTP 服务器" });
    if (v.smtpHost !== "" && !/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(v.smtpHost)) {
      ctx.addIssue({ code: "custom", path: ["smtpHost"], message: "SMTP 服务器应为主机名或 IP 地址（如 smtp.example.gov.cn）" });
    }
    if (v.smtpEnabled && v.smtpSender === "") ctx.addIssue({ code: "custom", path: ["smtpSender"], message: "启用邮件发送时请填写发件人地址" });
    const sender = /<([^>]+)>\s*$/.exec(v.smtpSender)?.[1] ?? v.smtpSender;
    if (v.smtpSender !== "" && !ADDRESS.test(sender)) {
      ctx.addIssue({ code: "custom", path: ["smtpSender"], message: "发件人应为邮箱地址，如 jx@example.gov.cn 或 绩效管理 <jx@example.gov.cn>" });
    }
    if (v.publicUrl !== "" && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v.publicUrl)) {
      ctx.addIssue({ code: "custom", path: ["publicUrl"], message: "系统访问地址应以 http:// 或 https:// 开头，如 https://jx.example.gov.cn" });
    }
  });
export type SmtpSettingsInput = z.input<typeof smtpSettingsSchema>;

export interface SmtpSettingsView {
  smtpEnabled: boolean;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: SmtpSecurity;
  smtpUser: string;
  hasPassword: boolean;
  smtpSender: string;
  publicUrl: string;
}

export interface RobotView {
  departmentId: number;
  departmentName: string;
  /** The webhook address with its token hidden (it is as secret as a password). */
  robot: { platform: RobotPlatform; maskedUrl: string; hasSecret: boolean; enabled: boolean } | null;
}

export async function getNotificationSettings(prisma: PrismaClient, actor: Actor): Promise<{ smtp: SmtpSettingsView; robots: RobotView[] }> {
  authorize(actor, { type: "notifications.manage" });
  const [settings, departments] = await Promise.all([
    prisma.notificationSettings.findUnique({ where: { id: 1 } }),
    prisma.department.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, robot: true } }),
  ]);
  return {
    smtp: {
      smtpEnabled: settings?.smtpEnabled ?? false,
      smtpHost: settings?.smtpHost ?? "",
      smtpPort: settings?.smtpPort ?? 25,
      smtpSecurity: settings?.smtpSecurity ?? "NONE",
      smtpUser: settings?.smtpUser ?? "",
      hasPassword: Boolean(settings?.smtpPasswordCipher),
      smtpSender: settings?.smtpSender ?? "",
      publicUrl: settings?.publicUrl ?? "",
    },
    robots: departments.map((d) => ({
      departmentId: d.id,
      departmentName: d.name,
      robot: d.robot
        ? { platform: d.robot.platform, maskedUrl: maskWebhookUrl(d.robot.webhookUrl), hasSecret: Boolean(d.robot.secretCipher), enabled: d.robot.enabled }
        : null,
    })),
  };
}

export async function saveSmtpSettings(prisma: PrismaClient, actor: Actor, input: SmtpSettingsInput): Promise<SmtpSettingsView> {
  authorize(actor, { type: "notifications.manage" });
  const { smtpPassword, clearPassword, ...data } = parseInput(smtpSettingsSchema, input);
  return prisma.$transaction(async (tx) => {
    const before = await tx.notificationSettings.findUnique({ where: { id: 1 } });
    const smtpPasswordCipher = smtpPassword !== "" ? sealSecret(smtpPassword) : clearPassword ? null : (before?.smtpPasswordCipher ?? null);
    const after = await tx.notificationSettings.upsert({ where: { id: 1 }, create: { ...data, smtpPasswordCipher }, update: { ...data, smtpPasswordCipher } });
    const view = (s: typeof after | null) =>
      s && {
        smtpEnabled: s.smtpEnabled,
        smtpHost: s.smtpHost,
        smtpPort: s.smtpPort,
        smtpSecurity: s.smtpSecurity,
        smtpUser: s.smtpUser,
        hasPassword: Boolean(s.smtpPasswordCipher),
        smtpSender: s.smtpSender,
        publicUrl: s.publicUrl,
      };
    const passwordChanged = smtpPassword !== "" || (clearPassword && Boolean(before?.smtpPasswordCipher));
    await appendAudit(tx, actor, {
      action: "notification.smtp",
      entityType: "NotificationSettings",
      entityId: 1,
      before: view(before),
      after: { ...view(after)!, ...(passwordChanged ? { passwordChanged: true } : {}) },
    });
    return view(after)!;
  });
}

export const robotSchema = z
  .object({
    departmentId: idSchema,
    platform: z.enum(["WECOM", "DINGTALK", "FEISHU"], { error: "请选择平台" }),
    /** Empty: keep the stored address. */
    webhookUrl: textOf("Webhook 地址", { max: 1000 }).default(""),
    /** Empty: keep the stored secret. */
    secret: z.string({ error: "签名密钥应为文字" }).trim().max(500, "签名密钥不能超过 500 个字符").default(""),
    clearSecret: onOff.default(false),
    enabled: onOff.default(true),
  })
  .superRefine((v, ctx) => {
    if (v.platform === "WECOM" && v.secret !== "") ctx.addIssue({ code: "custom", path: ["secret"], message: "企业微信群机器人没有签名密钥，请留空" });
    if (v.webhookUrl === "") return;
    let url: URL | null = null;
    try {
      url = new URL(v.webhookUrl);
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol))
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "Webhook 地址应以 http:// 或 https:// 开头（从群机器人设置中复制）" });
  });
export type RobotInput = z.input<typeof robotSchema>;

/** Sets (or replaces) a department's robot. */
export async function saveRobot(prisma: PrismaClient, actor: Actor, input: RobotInput): Promise<{ departmentName: string }> {
  authorize(actor, { type: "notifications.manage" });
  const { departmentId, secret, clearSecret, ...data } = parseInput(robotSchema, input);
  return prisma.$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id: departmentId }, select: { name: true, robot: true } });
    if (!department) throw new AppError("NOT_FOUND", "找不到该部门");
    const before = department.robot;
    const webhookUrl = data.webhookUrl || before?.webhookUrl;
    if (!webhookUrl) throw new AppError("INVALID", "请填写 Webhook 地址", [{ path: "webhookUrl", message: "请填写 Webhook 地址（从群机器人设置中复制）" }]);
    const secretCipher = data.platform === "WECOM" || clearSecret ? null : secret !== "" ? sealSecret(secret) : (before?.secretCipher ?? null);
    const after = await tx.departmentRobot.upsert({
      where: { departmentId },
      create: { departmentId, ...data, webhookUrl, secretCipher },
      update: { ...data, webhookUrl, secretCipher },
    });
    const view = (r: typeof after | null) =>
      r && { departmentId, platform: r.platform, webhookUrl: maskWebhookUrl(r.webhookUrl), hasSecret: Boolean(r.secretCipher), enabled: r.enabled };
    await appendAudit(tx, actor, { action: "notification.robot", entityType: "DepartmentRobot", entityId: after.id, before: view(before), after: view(after) });
    return { departmentName: department.name };
  });
}

export const removeRobotSchema = z.object({ departmentId: idSchema });

export async function removeRobot(prisma: PrismaClient, actor: Actor, input: z.input<typeof removeRobotSchema>): Promise<{ departmentName: string }> {
  authorize(actor, { type: "notifications.manage" });
  const { departmentId } = parseInput(removeRobotSchema, input);
  return prisma.$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id: departmentId }, select: { name: true, robot: true } });
    if (!department?.robot) throw new AppError("NOT_FOUND", "该部门没有群机器人");
    await tx.departmentRobot.delete({ where: { departmentId } });
    const r = department.robot;
    await appendAudit(tx, actor, {
      action: "notification.robot.remove",
      entityType: "DepartmentRobot",
      entityId: r.id,
      before: { departmentId, platform: r.platform, webhookUrl: maskWebhookUrl(r.webhookUrl), hasSecret: Boolean(r.secretCipher), enabled: r.enabled },
    });
    return { departmentName: department.name };
  });
}

/** `https://oapi.dingtalk.com/robot/send?access_token=…3f9a`: where it posts, without the token that lets anyone post. */
export function maskWebhookUrl(address: string): string {
  try {
    const url = new URL(address);
    const hidden = [...url.searchParams.keys()].map((k) => `${k}=…${(url.searchParams.get(k) ?? "").slice(-4)}`).join("&");
    const path = url.pathname.replace(/[^/]{12,}$/, (token) => `…${token.slice(-4)}`);
    return `${url.origin}${path}${hidden ? `?${hidden}` : ""}`;
  } catch {
    return "（地址无效）";
  }
}
