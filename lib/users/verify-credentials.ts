import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "./password";

// Verified against when the username is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

/** The signed-in actor for a username and password, or null (unknown user, wrong password, inactive). */
export async function verifyCredentials(prisma: PrismaClient, username: string, password: string): Promise<Extract<Actor, { kind: "user" }> | null> {
  const user = await prisma.user.findUnique({ where: { username: username.trim() } });
  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password-0");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password)) || !user.active) return null;
  return { kind: "user", id: user.id, role: user.role, departmentId: user.departmentId, displayName: user.displayName };
}
