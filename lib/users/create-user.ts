import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { displayNameSchema, newPasswordSchema, roleSchema, toUserSnapshot, userSnapshotSelect } from "./fields";
import { hashPassword } from "./password";

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, "用户名为 3–32 个字母、数字或 _ . -"),
  displayName: displayNameSchema,
  password: newPasswordSchema,
  /** roleSchema's roles, refused in the words the command line needs (user:create takes the codes). */
  role: z.enum(roleSchema.options, { error: "角色应为 ADMIN、MANAGER、LEAD 或 EVALUATOR" }),
  /** Name of the department a manager oversees; "" (a form's 无): none. */
  department: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
});

export type CreateUserInput = z.input<typeof createUserSchema>;

/** Creates a user and records it in the audit log, both in one transaction. */
export async function createUser(prisma: PrismaClient, actor: Actor, input: CreateUserInput) {
  authorize(actor, { type: "user.manage" });
  const parsed = parseInput(createUserSchema, input, "用户信息有误");
  const passwordHash = await hashPassword(parsed.password); // before the transaction: hashing is slow on purpose
  return prisma.$transaction((tx) => insertUser(tx, actor, parsed, passwordHash));
}

/** The same inside a transaction the caller holds (the seed creates sheets and users in one). */
export async function createUserInTx(tx: Prisma.TransactionClient, actor: Actor, input: CreateUserInput) {
  authorize(actor, { type: "user.manage" });
  const parsed = parseInput(createUserSchema, input, "用户信息有误");
  return insertUser(tx, actor, parsed, await hashPassword(parsed.password));
}

async function insertUser(tx: Prisma.TransactionClient, actor: Actor, input: z.output<typeof createUserSchema>, passwordHash: string) {
  const { username, displayName, role, department } = input;
  if (await tx.user.findUnique({ where: { username } })) {
    throw new AppError("CONFLICT", `用户名 ${username} 已存在`, [{ path: "username", message: `用户名 ${username} 已存在` }]);
  }
  const departmentId = department ? (await tx.department.findUnique({ where: { name: department } }))?.id : undefined;
  if (department && departmentId === undefined) {
    throw new AppError("NOT_FOUND", `找不到部门「${department}」`, [{ path: "department", message: `找不到部门「${department}」` }]);
  }
  const created = await tx.user.create({ data: { username, displayName, role, departmentId, passwordHash }, select: userSnapshotSelect });
  const user = toUserSnapshot(created);
  await appendAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, after: user });
  return user;
}
