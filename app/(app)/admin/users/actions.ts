"use server";

import { runAction } from "@/app/_lib/action";
import { createUser, createUserSchema } from "@/lib/users/create-user";

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
