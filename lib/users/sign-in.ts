import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import { SYSTEM, type UserActor, userActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "./password";

/** Wrong passwords in a row that lock an account, and for how long (等保 二级: 登录失败处理). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type SignInResult =
  | { ok: true; actor: UserActor; sessionVersion: number }
  /** Unknown user, wrong password or inactive account: one answer for all three. */
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

// Verified against when the username is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password. The fifth wrong password in a row locks the account for 15 minutes
 * (the right password is refused too until then) and is audited as `user.lock`; a sign-in clears the count.
 */
export async function signIn(prisma: PrismaClient, username: string, password: string, now = new Date()): Promise<SignInResult> {
  const user = await prisma.user.findUnique({ where: { username: username.trim() } });
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password-0");
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked", until: user.lockedUntil };
  if (!(await verifyPassword(user.passwordHash, password))) return recordFailedPassword(prisma, user.id, now);
  if (!user.active) return { ok: false, reason: "invalid" };
  if (user.failedLogins > 0 || user.lockedUntil) {
    await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  }
  return { ok: true, actor: userActor(user), sessionVersion: user.sessionVersion };
}

/** Counts a wrong password; the increment is atomic, so parallel guesses cannot slip past the limit. */
export async function recordFailedPassword(prisma: PrismaClient, id: number, now = new Date()): Promise<Extract<SignInResult, { ok: false }>> {
  return prisma.$transaction(async (tx) => {
    const { failedLogins, username } = await tx.user.update({
      where: { id },
      data: { failedLogins: { increment: 1 } },
      select: { failedLogins: true, username: true },
    });
    if (failedLogins < MAX_FAILED_LOGINS) return { ok: false, reason: "invalid" } as const;
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await tx.user.update({ where: { id }, data: { failedLogins: 0, lockedUntil: until } });
    await appendAudit(tx, SYSTEM, {
      action: "user.lock",
      entityType: "User",
      entityId: id,
      after: { id, username, failedLogins: MAX_FAILED_LOGINS, lockedUntil: until.toISOString() },
    });
    return { ok: false, reason: "locked", until } as const;
  });
}
