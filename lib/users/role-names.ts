import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Role names as users say them (docs/ux.md, docs/roles.md): in use-case messages and on every page. A module of
 * its own, free of server-only imports (password hashing), so client components can read it.
 */
export const ROLE_NAME: Readonly<Record<Role, string>> = { ADMIN: "管理员", MANAGER: "管理者", LEAD: "项目负责人", EVALUATOR: "评价人" };
