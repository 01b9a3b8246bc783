"use server";

import type { ActionState } from "@/components/admin/action-state";
import { changeOwnPassword, changeOwnPasswordSchema } from "@/lib/users/change-own-password";
import { runFormAction } from "../_lib/run-action";

export async function changeOwnPasswordAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: changeOwnPasswordSchema,
    form,
    secret: ["current", "password", "confirm"],
    revalidate: [],
    run: async (prisma, actor, input) => {
      await changeOwnPassword(prisma, actor, input);
      return "密码已修改，请用新密码重新登录";
    },
  });
}
