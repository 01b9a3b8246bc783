import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { type AccountLock, accountLocks } from "./sign-in-throttle";

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Name of the user's department, or null. */
  department: string | null;
  active: boolean;
  /** Sheets the user is assigned to as lead / as evaluator. */
  leadSheets: number;
  evaluatorSheets: number;
  /** A sign-in lock still running (docs/security.md), or null. */
  lock: AccountLock | null;
}

export interface UserList {
  users: UserRow[];
  /** Every department, for the department choice of the user forms. */
  departments: { id: number; name: string }[];
}

/** The users (admins only), active ones first, then by role and username, with their sign-in locks. */
export async function listUsers(prisma: PrismaClient, actor: Actor, now = new Date()): Promise<UserList> {
  authorize(actor, { type: "user.manage" });
  const [users, departments] = await Promise.all([
    prisma.user.findMany({
      orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
      select: {
        id: true,
        username: true,
        displayName: true,
        role: true,
        active: true,
        department: { select: { name: true } },
        assignments: { select: { role: true } },
      },
    }),
    prisma.department.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const locks = await accountLocks(
    prisma,
    users.map((u) => u.username),
    now,
  );
  return {
    users: users.map(({ department, assignments, ...u }) => ({
      ...u,
      lock: locks.get(u.username) ?? null,
      department: department?.name ?? null,
      leadSheets: assignments.filter((a) => a.role === "LEAD").length,
      evaluatorSheets: assignments.filter((a) => a.role === "EVALUATOR").length,
    })),
    departments,
  };
}
