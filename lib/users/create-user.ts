import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { hashPassword, passwordProblem } from "./password";

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, "用户名为 3–32 个字母、数字或 _ . -"),
  displayName: z.string().trim().min(1, "请填写姓名").max(50),
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  role: z.enum(["ADMIN", "MANAGER", "LEAD", "EVALUATOR"], { error: "角色应为 ADMIN、MANAGER、LEAD 或 EVALUATOR" }),
  /** Name of the department a manager oversees. */
  department: z.string().trim().min(1).optional(),
});

export type CreateUserInput = z.input<typeof createUserSchema>;

export async function createUser(prisma: PrismaClient | Prisma.TransactionClient, actor: Actor, input: CreateUserInput) {
  authorize(actor, { type: "user.manage" });
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("INVALID", "用户信息有误", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const { username, displayName, password, role, department } = parsed.data;
  if (await prisma.user.findUnique({ where: { username } })) throw new AppError("CONFLICT", `用户名 ${username} 已存在`);
  const departmentId = department ? (await prisma.department.findUnique({ where: { name: department } }))?.id : undefined;
  if (department && departmentId === undefined) throw new AppError("NOT_FOUND", `找不到部门「${department}」`);
  const user = await prisma.user.create({
    data: { username, displayName, role, departmentId, passwordHash: await hashPassword(password) },
    select: { id: true, username: true, displayName: true, role: true, departmentId: true, active: true },
  });
  await appendAudit(prisma, actor, { action: "user.create", entityType: "User", entityId: user.id, after: user });
  return user;
}
