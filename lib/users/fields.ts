import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { textOf, TEXT_MAX } from "@/lib/input";
import { passwordProblem } from "./password";

/** Input pieces shared by the user and assignment use cases. */

export const ROLES = ["ADMIN", "MANAGER", "LEAD", "EVALUATOR"] as const satisfies readonly Role[];

export { ROLE_NAME } from "./role-names";

export const roleSchema = z.enum(ROLES, { error: "请选择角色：管理员、管理者、项目负责人或评价人" });

/** A user's name as shown everywhere (姓名). */
export const displayNameSchema = textOf("姓名", { max: TEXT_MAX.label }).min(1, "请填写姓名");

/** A new password, by the rules of password.ts (and short enough to hash cheaply). */
export const newPasswordSchema = z
  .string({ error: "请填写密码" })
  .max(128, "密码不超过 128 个字符")
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A boolean as a form sends it (`"true"` / `"false"`) or as code passes it. */
export const formBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "请选择是或否" });

/** What the audit log keeps of a user (never the password hash). */
export const userSnapshotSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  departmentId: true,
  active: true,
  department: { select: { name: true } },
} satisfies Prisma.UserSelect;

export type UserSnapshotRow = Prisma.UserGetPayload<{ select: typeof userSnapshotSelect }>;

export const toUserSnapshot = (u: UserSnapshotRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  departmentId: u.departmentId,
  department: u.department?.name ?? null,
  active: u.active,
});

export type UserSnapshot = ReturnType<typeof toUserSnapshot>;
