"use server";

import { runAction } from "@/app/_lib/action";
import { resetPassword, resetPasswordSchema } from "@/lib/users/reset-password";
import { updateUser, updateUserSchema } from "@/lib/users/update-user";

export async function updateUserAction(input: unknown) {
  return runAction(
    updateUserSchema,
    input,
    async ({ prisma, actor, input }) => {
      const { user, changed } = await updateUser(prisma, actor, input);
      return { data: null, message: changed ? `已保存 ${user.username} 的信息` : "没有需要保存的修改" };
    },
    { revalidate: ["/admin/users", "/admin/assignments"] },
  );
}

export async function resetPasswordAction(input: unknown) {
  return runAction(resetPasswordSchema, input, async ({ prisma, actor, input }) => {
    const user = await resetPassword(prisma, actor, input);
    return { data: null, message: `已为 ${user.username} 设置新密码，请告知本人` };
  });
}
