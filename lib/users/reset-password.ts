import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { newPasswordSchema } from "./fields";
import { idSchema } from "@/lib/input";
import { hashPassword } from "./password";
import { clearAccountThrottle } from "./sign-in-throttle";

export const resetPasswordSchema = z
  .object({
    id: idSchema,
    password: newPasswordSchema,
    /** The password typed a second time. */
    confirm: z.string({ error: "请再次输入密码" }),
  })
  .refine((d) => d.password === d.confirm, { path: ["confirm"], message: "两次输入的密码不一致" });

export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/**
 * An admin sets a new password for a user (e.g. one who forgot theirs, or whose account is locked):
 * the user's open sessions end and a lock is lifted. The audit entry
 * `user.password.reset` says that it changed, never what it is or was.
 */
export async function resetPassword(prisma: PrismaClient, actor: Actor, input: ResetPasswordInput): Promise<{ id: number; username: string }> {
  authorize(actor, { type: "user.manage" });
  const { id, password } = parseInput(resetPasswordSchema, input, "新密码有误");
  const passwordHash = await hashPassword(password); // before the transaction: hashing is slow on purpose
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, username: true, displayName: true } });
    if (!user) throw new AppError("NOT_FOUND", "找不到该用户");
    // A new session version ends the sessions signed in with the old password; a lock is lifted.
    await tx.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    const lock = await clearAccountThrottle(tx, user.username);
    const lifted = lock ? { lockedUntil: lock.until.toISOString() } : {};
    await appendAudit(tx, actor, {
      action: "user.password.reset",
      entityType: "User",
      entityId: id,
      before: { id, username: user.username, password: "原密码", ...lifted },
      after: { id, username: user.username, password: "新密码（由管理员重置）", ...(lock ? { lockedUntil: null } : {}) },
    });
    return { id, username: user.username };
  });
}
