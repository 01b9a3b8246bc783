"use server";

import { runAction } from "@/app/_lib/action";
import { createUser, createUserSchema } from "@/lib/users/create-user";
import { unlockUser, unlockUserSchema } from "@/lib/users/unlock-user";

export async function createUserAction(input: unknown) {
  return runAction(
    createUserSchema,
    input,
    async ({ prisma, actor, input }) => {
      const user = await createUser(prisma, actor, input);
      return { data: null, message: `已创建用户 ${user.username}（${user.displayName}）` };
    },
    { revalidate: ["/admin/users", "/admin/assignments"] },
  );
}

export async function unlockUserAction(input: unknown) {
  return runAction(
    unlockUserSchema,
    input,
    async ({ prisma, actor, input }) => {
      const { username, lifted } = await unlockUser(prisma, actor, input);
      return { data: null, message: lifted ? `已解除 ${username} 的登录锁定` : `${username} 没有被锁定` };
    },
    { revalidate: ["/admin/users"] },
  );
}
