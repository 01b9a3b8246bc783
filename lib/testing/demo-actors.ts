import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type UserActor, userActor } from "@/lib/auth/actor";
import { DEMO_USERS } from "@/lib/seed/demo-users";

export type DemoUsername = "admin" | "manager" | "lead" | "lead2" | "evaluator";
export type DemoActor = UserActor;

/** The seeded demo users as signed-in actors, by username (a test factory, after seedIfEmpty({ demoUsers: true })). */
export async function demoActors(prisma: PrismaClient): Promise<Record<DemoUsername, DemoActor>> {
  const users = await prisma.user.findMany({ where: { username: { in: DEMO_USERS.map((u) => u.username) } } });
  const actor = (username: DemoUsername): DemoActor => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo user ${username} is not seeded`);
    return userActor(u);
  };
  return { admin: actor("admin"), manager: actor("manager"), lead: actor("lead"), lead2: actor("lead2"), evaluator: actor("evaluator") };
}
