import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { type UserActor, userActor } from "@/lib/auth/actor";
import { getAuthOptions } from "./options";
import { REQUEST_PATH_HEADER } from "./request-path";
import { returnPath } from "./return-path";

export type { UserActor } from "@/lib/auth/actor";

const sessionShape = z.object({
  user: z.object({
    id: z.string().regex(/^\d+$/),
    /** The user's session version at sign-in; cookies from before this field count as version 0. */
    sv: z.number().int().nonnegative().default(0),
  }),
});

/**
 * The signed-in user of this request, or null. The session cookie only names the user and the session
 * version it was issued under; the user is loaded from the database on every request, so a
 * deactivated user is out, a role change applies on the next click, and a password change or reset
 * (which raises the version) ends every older session. Cached per request (layout and page share one lookup).
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const parsed = sessionShape.safeParse(await getServerSession(getAuthOptions()));
  if (!parsed.success) return null;
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: Number(parsed.data.user.id) },
    select: { id: true, role: true, departmentId: true, displayName: true, active: true, sessionVersion: true },
  });
  if (!user?.active || user.sessionVersion !== parsed.data.user.sv) return null;
  return userActor(user);
});

/** The signed-in user, or a redirect to the login page, which comes back to the page asked for. */
export async function requireActor(): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) {
    const path = returnPath((await headers()).get(REQUEST_PATH_HEADER));
    redirect(path !== "/" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
  }
  return actor;
}
