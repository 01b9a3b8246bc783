import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { toUserSnapshot, type UserSnapshot, userSnapshotSelect } from "./fields";
import { idSchema } from "@/lib/input";
import { type AccountLock, accountLocks } from "./sign-in-throttle";

export const getUserSchema = z.object({ id: idSchema });

export interface UserDetail {
  user: UserSnapshot & { createdAt: Date; updatedAt: Date };
  /** The sheets the user leads or evaluates, newest year first, in document order. */
  assignments: { sheetId: number; year: number; sheet: string; role: "LEAD" | "EVALUATOR" }[];
  /** Every department, for the department choice of the form. */
  departments: { id: number; name: string }[];
  /** A sign-in lock still running, or null (docs/security.md). */
  lock: AccountLock | null;
}

/** One user with their assignments, for the edit page (admins only). */
export async function getUser(prisma: PrismaClient, actor: Actor, input: z.input<typeof getUserSchema>): Promise<UserDetail> {
  authorize(actor, { type: "user.manage" });
  const { id } = parseInput(getUserSchema, input);
  const [row, departments] = await Promise.all([
    prisma.user.findUnique({
      where: { id },
      select: {
        ...userSnapshotSelect,
        createdAt: true,
        updatedAt: true,
        assignments: {
          select: { role: true, sheet: { select: { id: true, name: true, position: true, fiscalYear: { select: { year: true } } } } },
        },
      },
    }),
    prisma.department.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  if (!row) throw new AppError("NOT_FOUND", "找不到该用户");
  const lock = (await accountLocks(prisma, [row.username])).get(row.username) ?? null;
  const assignments = [...row.assignments]
    .sort((a, b) => b.sheet.fiscalYear.year - a.sheet.fiscalYear.year || a.sheet.position - b.sheet.position || a.role.localeCompare(b.role))
    .map((a) => ({ sheetId: a.sheet.id, year: a.sheet.fiscalYear.year, sheet: a.sheet.name, role: a.role }));
  return { user: { ...toUserSnapshot(row), createdAt: row.createdAt, updatedAt: row.updatedAt }, assignments, departments, lock };
}
