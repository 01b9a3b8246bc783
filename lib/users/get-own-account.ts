import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

export interface OwnAccount {
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
}

/** What the 账号设置 page shows a user of themself (anyone may read their own account). */
export async function getOwnAccount(prisma: PrismaClient, actor: Actor): Promise<OwnAccount> {
  authorize(actor, { type: "own-password.change" });
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "无权执行此操作");
  const user = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { username: true, displayName: true, role: true, department: { select: { name: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", "找不到该用户");
  return { username: user.username, displayName: user.displayName, role: user.role, department: user.department?.name ?? null };
}
