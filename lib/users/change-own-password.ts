import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/append-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { newPasswordSchema } from "./fields";
import { hashPassword, verifyPassword } from "./password";
import { reserveAttempt, settleFailure, settleSuccess } from "./sign-in-throttle";

export const changeOwnPasswordSchema = z
  .object({
    current: z.string({ error: "请填写当前密码" }).min(1, "请填写当前密码").max(128, "密码不超过 128 个字符"),
    password: newPasswordSchema,
    /** The new password typed a second time. */
    confirm: z.string({ error: "请再次输入新密码" }),
  })
  .refine((d) => d.password === d.confirm, { path: ["confirm"], message: "两次输入的新密码不一致" })
  .refine((d) => d.password !== d.current, { path: ["password"], message: "新密码不能与当前密码相同" });

const TOO_MANY = "尝试次数过多，请稍后再试";

export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;

/**
 * A user changes their own password, proving the current one. Every session of theirs ends, this one
 * too (the caller signs the browser out). A wrong current password counts as a failed sign-in of the account,
 * so an unattended open session cannot be used to guess it. Audited as `user.password.change`, never the password.
 */
export async function changeOwnPassword(prisma: PrismaClient, actor: Actor, input: ChangeOwnPasswordInput): Promise<void> {
  authorize(actor, { type: "own-password.change" });
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "无权执行此操作");
  const { current, password } = parseInput(changeOwnPasswordSchema, input, "密码有误");
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, username: true } });
  if (!user) throw new AppError("NOT_FOUND", "找不到该用户");
  // Throttled as a sign-in of the account (docs/security.md), from no particular address.
  const reservation = await reserveAttempt(prisma, { username: user.username, address: null });
  if (!reservation) throw new AppError("INVALID", TOO_MANY, [{ path: "current", message: TOO_MANY }]);
  if (!(await verifyPassword(user.passwordHash, current))) {
    await settleFailure(prisma, reservation, { id: actor.id, username: user.username });
    throw new AppError("INVALID", "当前密码不正确", [{ path: "current", message: "当前密码不正确" }]);
  }
  await settleSuccess(prisma, reservation);
  const passwordHash = await hashPassword(password); // before the transaction: hashing is slow on purpose
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await appendAudit(tx, actor, {
      action: "user.password.change",
      entityType: "User",
      entityId: actor.id,
      before: { id: actor.id, username: user.username, password: "原密码" },
      after: { id: actor.id, username: user.username, password: "新密码（本人修改）" },
    });
  });
}
