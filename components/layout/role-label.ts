/** Roles as the users call them (docs/roles.md): the one map of lib/users/role-names.ts. */
export { ROLE_NAME as ROLE_LABEL } from "@/lib/users/role-names";
