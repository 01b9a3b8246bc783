import { ROLE_LABEL } from "@/components/layout/role-label";
import type { Option } from "@/components/ui/field";
import type { Role } from "@/lib/generated/prisma/enums";

/** The roles in the order the forms offer them. */
const ROLE_ORDER: Role[] = ["LEAD", "EVALUATOR", "MANAGER", "ADMIN"];

/** The options of a 角色 select. */
export const roleOptions: Option[] = ROLE_ORDER.map((role) => ({ value: role, label: ROLE_LABEL[role] }));

/** The options of a 部门 select, by name, with （无） first. */
export const departmentOptions = (departments: { id: number; name: string }[]): Option[] => [
  { value: "", label: "（无）" },
  ...departments.map((d) => ({ value: d.name, label: d.name })),
];
