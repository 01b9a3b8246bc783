import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/input";
import { parseInput } from "@/lib/parse-input";
import { clearAccountThrottle } from "./sign-in-throttle";

/** By id (系统管理) or by username (`npm run user:unlock`). */
export const unlockUserSchema = z.union([
  z.object({ id: idSchema }),
  z.object({ username: z.string({ error: "请填写用户名" }).trim().min(1, "请填写用户名").max(64, "用户名不超过 64 个字符") }),
]);

export type UnlockUserInput = z.input<typeof unlockUserSchema>;

export interface UnlockResult {
  id: number;
  username: string;
  /** The lock that was lifted, or null when the account was not locked (its failure counts are cleared anyway). */
  lifted: { until: Date; scope: "account" | "addresses"; addresses: string[] } | null;
}

/**
 * An admin (or the command line) lifts a sign-in lock: the account's failure counts from every address are
 * cleared, so the user can sign in at once. Audited as `user.unlock` with the lock that was running.
 */
export async function unlockUser(prisma: PrismaClient, actor: Actor, input: UnlockUserInput, now = new Date()): Promise<UnlockResult> {
  authorize(actor, { type: "user.manage" });
  const key = parseInput(unlockUserSchema, input, "用户有误");
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: "id" in key ? { id: key.id } : { username: key.username }, select: { id: true, username: true } });
    if (!user) throw new AppError("NOT_FOUND", "id" in key ? "找不到该用户" : `找不到用户「${key.username}」`);
    const lifted = await clearAccountThrottle(tx, user.username, now);
    if (lifted) {
      await appendAudit(tx, actor, {
        action: "user.unlock",
        entityType: "User",
        entityId: user.id,
        before: {
          id: user.id,
          username: user.username,
          lockedUntil: lifted.until.toISOString(),
          ...(lifted.scope === "addresses" ? { addresses: lifted.addresses } : {}),
        },
        after: { id: user.id, username: user.username, lockedUntil: null },
      });
    }
    return { ...user, lifted };
  });
}
