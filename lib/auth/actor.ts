import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: a signed-in user, or the system itself (CLI, seed) which answers to no role. */
export type Actor = { kind: "user"; id: number; role: Role; departmentId: number | null; displayName: string } | { kind: "system" };

export const SYSTEM: Actor = { kind: "system" };

export const actorId = (actor: Actor): number | null => (actor.kind === "user" ? actor.id : null);

export type UserActor = Extract<Actor, { kind: "user" }>;

/** A user row as the actor it signs in as. */
export const userActor = (user: Omit<UserActor, "kind">): UserActor => ({
  kind: "user",
  id: user.id,
  role: user.role,
  departmentId: user.departmentId,
  displayName: user.displayName,
});
