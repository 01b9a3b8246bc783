"use server";

import { runAction } from "@/app/_lib/action";
import { changeOwnPassword, changeOwnPasswordSchema } from "@/lib/users/change-own-password";

export async function changeOwnPasswordAction(input: unknown) {
  return runAction(changeOwnPasswordSchema, input, async ({ prisma, actor, input }) => {
    await changeOwnPassword(prisma, actor, input);
    return { data: null, message: "密码已修改，请用新密码重新登录" };
  });
}
