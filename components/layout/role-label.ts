import type { Role } from "@/lib/generated/prisma/enums";

/** Roles as the users call them (design.md §1). */
export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "管理员",
  MANAGER: "管理者",
  LEAD: "项目负责人",
  EVALUATOR: "评价人",
};
