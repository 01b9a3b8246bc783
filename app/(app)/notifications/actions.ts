"use server";

import { z } from "zod";
import { runAction } from "@/app/_lib/action";
import { markAllRead, markRead, markReadSchema } from "@/lib/notifications/inbox";

// The bell's count lives in the layout: every page under it shows the new count.
const everywhere = ["/", "/notifications"];

export async function markReadAction(input: unknown) {
  return runAction(
    markReadSchema,
    input,
    async ({ prisma, actor, input }) => {
      await markRead(prisma, actor, input);
      return { data: null, message: "已标为已读" };
    },
    { revalidate: everywhere },
  );
}

export async function markAllReadAction(input: unknown) {
  return runAction(
    z.object({}),
    input,
    async ({ prisma, actor }) => {
      const count = await markAllRead(prisma, actor);
      return { data: null, message: count > 0 ? `已将 ${count} 条通知标为已读` : "没有未读通知" };
    },
    { revalidate: everywhere },
  );
}
