import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * Every permission rule of the product, in one place. Use cases call `authorize` before they read or
 * write; the UI may hide what is refused here, but never decides it. Rules answer "may this person do
 * this to this sheet"; whether the sheet's state allows it (a locked month) is the use case's check.
 */

/** What the rules need to know about a sheet. */
export interface SheetScope {
  departmentId: number;
  /** Users assigned as lead of the sheet. */
  leadIds: number[];
  /** Users assigned as evaluator of the sheet. */
  evaluatorIds: number[];
}

type SheetAction =
  | "sheet.read"
  /** Values, spending, budget adjustments of a month. */
  | "progress.write"
  | "month.submit"
  /** Approve or return a submitted month. */
  | "month.review"
  | "month.reopen"
  /** Measure type and other in-year settings of a sheet's rows. */
  | "indicator.configure"
  | "evidence.write"
  | "evaluation.write"
  | "evaluation.reopen";

type GlobalAction = "sheets.list" | "sheets.import" | "sheets.export" | "user.manage" | "assignment.manage" | "audit.read";

export type Action = { type: SheetAction; sheet: SheetScope } | { type: GlobalAction };

type UserActor = Extract<Actor, { kind: "user" }>;

const isLeadOf = (actor: UserActor, sheet: SheetScope) => actor.role === "LEAD" && sheet.leadIds.includes(actor.id);
const managesDepartmentOf = (actor: UserActor, sheet: SheetScope) => actor.role === "MANAGER" && actor.departmentId === sheet.departmentId;

function canOnSheet(actor: UserActor, type: SheetAction, sheet: SheetScope): boolean {
  switch (type) {
    case "sheet.read":
      return actor.role === "ADMIN" || actor.role === "EVALUATOR" || managesDepartmentOf(actor, sheet) || isLeadOf(actor, sheet);
    case "progress.write":
    case "month.submit":
    case "evidence.write":
      return isLeadOf(actor, sheet);
    case "month.review":
    case "month.reopen":
    case "evaluation.reopen":
      return managesDepartmentOf(actor, sheet);
    case "indicator.configure":
      return actor.role === "ADMIN" || managesDepartmentOf(actor, sheet);
    case "evaluation.write":
      return actor.role === "EVALUATOR" && sheet.evaluatorIds.includes(actor.id);
  }
}

function canGlobally(actor: UserActor, type: GlobalAction): boolean {
  switch (type) {
    case "sheets.list":
      return true; // the list itself is filtered by sheetVisibility
    case "sheets.export":
      return actor.role !== "LEAD";
    case "audit.read":
      return actor.role === "ADMIN" || actor.role === "MANAGER";
    case "sheets.import":
    case "user.manage":
    case "assignment.manage":
      return actor.role === "ADMIN";
  }
}

export function can(actor: Actor, action: Action): boolean {
  if (actor.kind === "system") return true;
  return "sheet" in action ? canOnSheet(actor, action.type, action.sheet) : canGlobally(actor, action.type);
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new AppError("FORBIDDEN", "无权执行此操作");
}

/** The sheets an actor may see, as a filter for list queries (the same rules as `sheet.read`). */
export type SheetVisibility = { all: true } | { departmentId: number } | { leadUserId: number } | { none: true };

export function sheetVisibility(actor: Actor): SheetVisibility {
  if (actor.kind === "system") return { all: true };
  switch (actor.role) {
    case "ADMIN":
    case "EVALUATOR":
      return { all: true };
    case "MANAGER":
      return actor.departmentId === null ? { none: true } : { departmentId: actor.departmentId };
    case "LEAD":
      return { leadUserId: actor.id };
  }
}
