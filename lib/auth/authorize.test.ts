import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { SYSTEM, type Actor } from "./actor";
import { type Action, auditVisibility, can, sheetVisibility } from "./authorize";

// The whole permission table, written out: one row per action, one column per kind of user.
const sheet = { departmentId: 1, leadIds: [10], evaluatorIds: [30], authorId: 11 };
const user = (id: number, role: Role, departmentId: number | null = 1): Actor => ({ kind: "user", id, role, departmentId, displayName: "x" });

const actors = {
  admin: user(1, "ADMIN"),
  manager: user(2, "MANAGER"),
  otherManager: user(3, "MANAGER", 2),
  lead: user(10, "LEAD"),
  otherLead: user(11, "LEAD"),
  evaluator: user(30, "EVALUATOR"),
  otherEvaluator: user(31, "EVALUATOR"),
};
type Who = keyof typeof actors;

const table: [Action["type"], Who[]][] = [
  ["sheet.read", ["admin", "manager", "lead", "otherLead", "evaluator", "otherEvaluator"]],
  ["sheet.edit", ["admin", "manager", "otherLead"]],
  ["sheet.publish", ["admin", "manager"]],
  ["target.adjust", ["admin", "manager"]],
  ["progress.write", ["lead"]],
  ["month.submit", ["lead"]],
  ["evidence.write", ["lead"]],
  ["self-evaluation.write", ["lead"]],
  ["month.review", ["manager"]],
  ["month.reopen", ["manager"]],
  ["evaluation.reopen", ["manager"]],
  ["indicator.configure", ["admin", "manager"]],
  ["evaluation.write", ["evaluator"]],
  ["sheets.list", ["admin", "manager", "otherManager", "lead", "otherLead", "evaluator", "otherEvaluator"]],
  ["sheets.export", ["admin", "manager", "otherManager", "evaluator", "otherEvaluator"]],
  ["audit.read", ["admin", "manager", "otherManager"]],
  ["sheets.import", ["admin"]],
  ["sheets.rollover", ["admin"]],
  ["sheet.create", ["admin", "manager", "otherManager", "lead", "otherLead"]],
  ["user.manage", ["admin"]],
  ["assignment.manage", ["admin"]],
  ["fiscal-year.manage", ["admin"]],
  ["period.lock", ["admin"]],
  ["unit.manage", ["admin"]],
  ["own-password.change", ["admin", "manager", "otherManager", "lead", "otherLead", "evaluator", "otherEvaluator"]],
];

const SHEET_ACTIONS = new Set([
  "sheet.read",
  "sheet.edit",
  "sheet.publish",
  "target.adjust",
  "progress.write",
  "month.submit",
  "evidence.write",
  "month.review",
  "month.reopen",
  "evaluation.reopen",
  "indicator.configure",
  "evaluation.write",
  "self-evaluation.write",
]);
const actionOf = (type: Action["type"]) => (SHEET_ACTIONS.has(type) ? { type, sheet } : { type }) as Action;

describe("authorize", () => {
  it.each(table)("%s is allowed to exactly %j", (type, allowed) => {
    const granted = (Object.keys(actors) as Who[]).filter((who) => can(actors[who], actionOf(type)));
    expect(granted).toEqual(allowed);
    // The system may do anything but it has no password of its own.
    expect(can(SYSTEM, actionOf(type))).toBe(type !== "own-password.change");
  });

  it("covers every action", () => {
    expect(new Set(table.map(([type]) => type)).size).toBe(table.length);
  });

  it("filters lists the same way", () => {
    expect(sheetVisibility(actors.lead)).toEqual({ leadUserId: 10 });
    expect(sheetVisibility(actors.manager)).toEqual({ departmentId: 1 });
    expect(sheetVisibility(user(4, "MANAGER", null))).toEqual({ none: true });
    expect(sheetVisibility(actors.evaluator)).toEqual({ all: true });
  });

  it("scopes the audit log: admins all of it, a manager their department's entries", () => {
    expect(auditVisibility(actors.admin)).toEqual({ all: true });
    expect(auditVisibility(SYSTEM)).toEqual({ all: true });
    expect(auditVisibility(actors.manager)).toEqual({ departmentId: 1 });
    expect(auditVisibility(actors.otherManager)).toEqual({ departmentId: 2 });
    expect(auditVisibility(user(4, "MANAGER", null))).toEqual({ none: true });
    // They may not read the log at all; were they let in, they would see nothing.
    expect(auditVisibility(actors.lead)).toEqual({ none: true });
    expect(auditVisibility(actors.evaluator)).toEqual({ none: true });
  });
});
