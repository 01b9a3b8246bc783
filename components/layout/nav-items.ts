import type { Role } from "@/lib/generated/prisma/enums";
import type { NavItem } from "./nav-links";

/**
 * The header's navigation per role (docs/ux.md "Navigation by role"). Only a convenience: every page checks
 * permissions on the server whatever the menu shows.
 */
const ITEMS: (NavItem & { roles: Role[] })[] = [
  { href: "/", label: "工作台", section: "/", roles: ["ADMIN", "MANAGER", "LEAD", "EVALUATOR"] },
  { href: "/scorecard", label: "绩效看板", section: "/scorecard", roles: ["ADMIN", "MANAGER", "EVALUATOR"] },
  { href: "/sheets", label: "绩效目标表", section: "/sheets", roles: ["ADMIN", "MANAGER", "LEAD", "EVALUATOR"] },
  { href: "/review", label: "待审核", section: "/review", roles: ["MANAGER"] },
  { href: "/evaluations", label: "年终评价", section: "/evaluations", roles: ["EVALUATOR", "LEAD", "MANAGER", "ADMIN"] },
  { href: "/admin/users", label: "系统管理", section: "/admin", roles: ["ADMIN"] },
  { href: "/audit", label: "操作日志", section: "/audit", roles: ["ADMIN", "MANAGER"] },
];

export const navItemsFor = (role: Role): NavItem[] => ITEMS.filter((item) => item.roles.includes(role)).map(({ roles: _roles, ...item }) => item);
