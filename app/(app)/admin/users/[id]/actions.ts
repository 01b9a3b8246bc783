"use server";

import type { ActionState } from "@/components/admin/action-state";
import { resetPassword, resetPasswordSchema } from "@/lib/users/reset-password";
import { updateUser, updateUserSchema } from "@/lib/users/update-user";
import { runFormAction } from "../../../_lib/run-action";

export async function updateUserAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: updateUserSchema,
    form,
    revalidate: ["/admin/users", "/admin/assignments"],
    run: async (prisma, actor, input) => {
      const { user, changed } = await updateUser(prisma, actor, input);
      return changed ? `已保存 ${user.username} 的信息` : "没有需要保存的修改";
    },
  });
}

export async function resetPasswordAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: resetPasswordSchema,
    form,
    secret: ["password", "confirm"],
    revalidate: [],
    run: async (prisma, actor, input) => {
      const user = await resetPassword(prisma, actor, input);
      return `已为 ${user.username} 设置新密码，请告知本人`;
    },
  });
}
