import type { CreateUserInput } from "@/lib/users/create-user";

/**
 * Demo users of the embedded database, one per role (two leads, so a lead can be shown another's
 * sheet being refused). Their passwords are published in the README: never seed them into production.
 */
export interface DemoUser extends CreateUserInput {
  /** Sheets this user is assigned to: by the lead printed on the sheet, or all of them. */
  assign?: { role: "LEAD"; sheetLead: string } | { role: "EVALUATOR"; all: true };
}

export const DEMO_USERS: DemoUser[] = [
  { username: "admin", password: "Admin@2025demo", displayName: "系统管理员", role: "ADMIN" },
  { username: "manager", password: "Manager@2025demo", displayName: "王科长", role: "MANAGER" },
  { username: "lead", password: "Lead@2025demo", displayName: "冯先生", role: "LEAD", assign: { role: "LEAD", sheetLead: "冯先生" } },
  { username: "lead2", password: "Lead2@2025demo", displayName: "范先生", role: "LEAD", assign: { role: "LEAD", sheetLead: "范先生" } },
  { username: "evaluator", password: "Evaluator@2025demo", displayName: "评价专家", role: "EVALUATOR", assign: { role: "EVALUATOR", all: true } },
];
