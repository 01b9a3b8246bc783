import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { SYSTEM, type Actor } from "./actor";
import { type Action, auditVisibility, can, sheetVisibility } from "./authorize";

// The whole permission table, written out: one row per action, one column per kind of user.
const sheet = { departmentId: 1, leadIds: [10], evaluatorIds: [30], authorId: 11, published: true };
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
  // Not an evaluator of another sheet: evaluators read only what they are assigned to.
  ["sheet.read", ["admin", "manager", "lead", "otherLead", "evaluator"]],
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
  ["backup.download", ["admin"]],
  ["settings.manage", ["admin"]],
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

  it("shows a draft only to its author, the department's managers and admins — not to the lead or evaluator assigned to it", () => {
    const draft = { ...sheet, published: false };
    const readers = (Object.keys(actors) as Who[]).filter((who) => can(actors[who], { type: "sheet.read", sheet: draft }));
    expect(readers).toEqual(["admin", "manager", "otherLead"]);
    const unauthored = { ...draft, authorId: null };
    expect((Object.keys(actors) as Who[]).filter((who) => can(actors[who], { type: "sheet.read", sheet: unauthored }))).toEqual(["admin", "manager"]);
  });

  it("lets an evaluator assigned to nothing read nothing", () => {
    const nobody = user(32, "EVALUATOR", null);
    for (const s of [sheet, { ...sheet, evaluatorIds: [] }, { ...sheet, published: false }]) expect(can(nobody, { type: "sheet.read", sheet: s })).toBe(false);
    // Assigned as a lead is not assigned as an evaluator, and the other way round.
    expect(can(user(30, "LEAD"), { type: "sheet.read", sheet })).toBe(false);
    expect(can(user(10, "EVALUATOR"), { type: "sheet.read", sheet })).toBe(false);
  });

  it("filters lists by the same grants", () => {
    expect(sheetVisibility(actors.admin)).toEqual({ all: true });
    expect(sheetVisibility(actors.lead)).toEqual({ anyOf: [{ assignedUserId: 10, duty: "LEAD" }, { authorId: 10 }] });
    expect(sheetVisibility(actors.evaluator)).toEqual({ anyOf: [{ assignedUserId: 30, duty: "EVALUATOR" }, { authorId: 30 }] });
    expect(sheetVisibility(actors.manager)).toEqual({ anyOf: [{ departmentId: 1 }, { authorId: 2 }] });
    expect(sheetVisibility(user(4, "MANAGER", null))).toEqual({ anyOf: [{ authorId: 4 }] });
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
