"use server";

import { runAction } from "@/app/_lib/action";
import { removeRobot, removeRobotSchema, robotSchema, saveRobot, saveSmtpSettings, smtpSettingsSchema } from "@/lib/notifications/admin-settings";
import { resendMessage, resendSchema } from "@/lib/notifications/deliveries";

const PAGE = ["/admin/notifications"];

export async function saveSmtpSettingsAction(input: unknown) {
  return runAction(
    smtpSettingsSchema,
    input,
    async ({ prisma, actor, input }) => {
      const saved = await saveSmtpSettings(prisma, actor, input);
      return { data: null, message: saved.smtpEnabled ? "邮件设置已保存，邮件发送已启用" : "邮件设置已保存（邮件发送未启用）" };
    },
    { revalidate: PAGE },
  );
}

export async function saveRobotAction(input: unknown) {
  return runAction(
    robotSchema,
    input,
    async ({ prisma, actor, input }) => ({ data: null, message: `已保存「${(await saveRobot(prisma, actor, input)).departmentName}」的群机器人` }),
    { revalidate: PAGE },
  );
}

export async function removeRobotAction(input: unknown) {
  return runAction(
    removeRobotSchema,
    input,
    async ({ prisma, actor, input }) => ({ data: null, message: `已删除「${(await removeRobot(prisma, actor, input)).departmentName}」的群机器人` }),
    { revalidate: PAGE },
  );
}

export async function resendAction(input: unknown) {
  return runAction(
    resendSchema,
    input,
    async ({ prisma, actor, input }) => ({ data: null, message: `「${(await resendMessage(prisma, actor, input)).subject}」已重新加入发送队列` }),
    { revalidate: PAGE },
  );
}
