import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type UserActor, userActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "./password";
import { reserveAttempt, settleFailure, settleSuccess } from "./sign-in-throttle";

export interface SignInAttempt {
  username: string;
  password: string;
  /** The client address the attempt came from (lib/session/client-address.ts). */
  address: string;
}

export interface SignInOptions {
  now?: Date;
  /** The password check; tests count the checks through it. */
  verify?: (passwordHash: string, password: string) => Promise<boolean>;
}

/**
 * Signed in, or refused. A refusal is one answer whatever the cause — unknown user, wrong password, inactive
 * account, too many attempts — so it confirms neither an account nor a lock (docs/security.md).
 */
export type SignInResult = { ok: true; actor: UserActor; sessionVersion: number } | { ok: false };

const REFUSED: SignInResult = { ok: false };

// Verified against when the username is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password under sign-in throttling (sign-in-throttle.ts): the attempt takes its place
 * in the windows first, and a refused attempt's password is never checked; a wrong password stays counted
 * and may lock (audited), a right one frees its place.
 */
export async function signIn(prisma: PrismaClient, attempt: SignInAttempt, options: SignInOptions = {}): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const verify = options.verify ?? verifyPassword;
  const username = attempt.username.trim();
  if (!username || !attempt.password) return REFUSED;
  const user = await prisma.user.findUnique({ where: { username } });
  const reservation = await reserveAttempt(prisma, { username, address: attempt.address }, now);
  if (!reservation) return REFUSED;
  let valid: boolean;
  if (user) valid = await verify(user.passwordHash, attempt.password);
  else {
    dummyHash ??= hashPassword("not-a-real-password-0");
    await verify(await dummyHash, attempt.password);
    valid = false;
  }
  // The right password of a deactivated account counts as a failure: nothing tells the two apart.
  if (!user || !valid || !user.active) {
    await settleFailure(prisma, reservation, user ? { id: user.id, username: user.username } : null, now);
    return REFUSED;
  }
  await settleSuccess(prisma, reservation, now);
  return { ok: true, actor: userActor(user), sessionVersion: user.sessionVersion };
}
