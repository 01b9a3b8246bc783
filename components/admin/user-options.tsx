import { ROLE_LABEL } from "@/components/layout/role-label";
import type { Role } from "@/lib/generated/prisma/enums";

/** The roles in the order the forms offer them. */
const ROLE_ORDER: Role[] = ["LEAD", "EVALUATOR", "MANAGER", "ADMIN"];

/** The options of a 角色 select. */
export function RoleOptions() {
  return (
    <>
      {ROLE_ORDER.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABEL[role]}
        </option>
      ))}
    </>
  );
}

/** The options of a 部门 select, by name, with （无） first. */
export function DepartmentOptions({ departments }: { departments: { id: number; name: string }[] }) {
  return (
    <>
      <option value="">（无）</option>
      {departments.map((d) => (
        <option key={d.id} value={d.name}>
          {d.name}
        </option>
      ))}
    </>
  );
}
