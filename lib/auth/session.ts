import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Actor } from "./actor";
import { getAuthOptions } from "./options";

export type UserActor = Extract<Actor, { kind: "user" }>;

const sessionShape = z.object({ user: z.object({ id: z.string().regex(/^\d+$/) }) });

/**
 * The signed-in user of this request, or null. The session cookie only names the user; the user is
 * loaded from the database on every request, so a deactivated user is out and a role change applies
 * on the next click. Cached per request (layout and page share one lookup).
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const parsed = sessionShape.safeParse(await getServerSession(getAuthOptions()));
  if (!parsed.success) return null;
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: Number(parsed.data.user.id) },
    select: { id: true, role: true, departmentId: true, displayName: true, active: true },
  });
  if (!user?.active) return null;
  return { kind: "user", id: user.id, role: user.role, departmentId: user.departmentId, displayName: user.displayName };
});

/** The signed-in user, or a redirect to the login page. */
export async function requireActor(): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
