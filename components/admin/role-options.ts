import { ROLE_LABEL } from "@/components/layout/role-label";
import type { Role } from "@/lib/generated/prisma/enums";

/** The roles in the order the forms offer them. */
export const ROLE_OPTIONS: { value: Role; label: string }[] = (["LEAD", "EVALUATOR", "MANAGER", "ADMIN"] as const).map((value) => ({
  value,
  label: ROLE_LABEL[value],
}));
