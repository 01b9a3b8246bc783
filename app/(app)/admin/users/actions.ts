"use server";

import type { ActionState } from "@/components/admin/action-state";
import { createUser, createUserSchema } from "@/lib/users/create-user";
import { runFormAction } from "../../_lib/run-action";

export async function createUserAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: createUserSchema,
    form,
    secret: ["password"],
    revalidate: ["/admin/users", "/admin/assignments"],
    run: async (prisma, actor, input) => {
      const user = await createUser(prisma, actor, input);
      return `已创建用户 ${user.username}（${user.displayName}）`;
    },
  });
}
