"use server";

import { runAction } from "@/app/_lib/action";
import { ownNotificationSettingsSchema, saveOwnNotificationSettings } from "@/lib/notifications/own-preferences";
import { changeOwnPassword, changeOwnPasswordSchema } from "@/lib/users/change-own-password";

export async function changeOwnPasswordAction(input: unknown) {
  return runAction(changeOwnPasswordSchema, input, async ({ prisma, actor, input }) => {
    await changeOwnPassword(prisma, actor, input);
    return { data: null, message: "密码已修改，请用新密码重新登录" };
  });
}

export async function saveNotificationSettingsAction(input: unknown) {
  return runAction(
    ownNotificationSettingsSchema,
    input,
    async ({ prisma, actor, input }) => {
      const saved = await saveOwnNotificationSettings(prisma, actor, input);
      return { data: null, message: saved.email ? `通知设置已保存，邮件将发往 ${saved.email}` : "通知设置已保存（未填写邮箱，只在系统内提醒）" };
    },
    { revalidate: ["/account"] },
  );
}
