import { AppError } from "@/lib/errors";
import type { Actor, UserActor } from "./actor";

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
  /** Who drafted the sheet, if a user did. */
  authorId: number | null;
  /** Whether its targets are published; until then (DRAFT, SUBMITTED) only its author, the department's managers and admins see it. */
  published: boolean;
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
  /** The lead's own year-end self-score, shown beside the evaluator's. */
  | "self-evaluation.write"
  | "evaluation.reopen"
  /** Header and rows of a sheet that is still a draft (or submitted, for its approvers). */
  | "sheet.edit"
  /** Approve a submitted draft, publishing it. */
  | "sheet.publish"
  /** Record an approved change to a published indicator's target. */
  | "target.adjust";

type GlobalAction =
  | "sheets.list"
  | "sheets.import"
  | "sheets.export"
  | "sheets.rollover"
  /** Start a new draft sheet (a lead drafts their own, for approval). */
  | "sheet.create"
  | "user.manage"
  /** The whole system as one archive: every user's password hash included. */
  | "backup.download"
  | "assignment.manage"
  /** Departments and their budget units (预算单位). */
  | "unit.manage"
  | "audit.read"
  /** List fiscal years (年度) and add one before its sheets exist. */
  | "fiscal-year.manage"
  /** Lock months of a fiscal year for every sheet, or move the lock back (期间锁定). */
  | "period.lock"
  /** Change one's own password (the system has none). */
  | "own-password.change"
  /** SMTP, group robots and the delivery log (系统管理 → 通知). */
  | "notifications.manage"
  /** Settings of the whole system in 系统管理 (the limits of the 佐证资料 store). */
  | "settings.manage";

export type Action = { type: SheetAction; sheet: SheetScope } | { type: GlobalAction };

const isLeadOf = (actor: UserActor, sheet: SheetScope) => actor.role === "LEAD" && sheet.leadIds.includes(actor.id);
const isAuthorOf = (actor: UserActor, sheet: SheetScope) => sheet.authorId === actor.id;
const managesDepartmentOf = (actor: UserActor, sheet: SheetScope) => actor.role === "MANAGER" && actor.departmentId === sheet.departmentId;

function canOnSheet(actor: UserActor, type: SheetAction, sheet: SheetScope): boolean {
  switch (type) {
    case "sheet.read":
      return admits(sheetVisibility(actor), sheet);
    case "sheet.edit":
      return actor.role === "ADMIN" || managesDepartmentOf(actor, sheet) || (actor.role === "LEAD" && isAuthorOf(actor, sheet));
    case "sheet.publish":
    case "target.adjust":
      return actor.role === "ADMIN" || managesDepartmentOf(actor, sheet);
    case "progress.write":
    case "month.submit":
    case "evidence.write":
    case "self-evaluation.write":
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
    case "sheet.create":
      return actor.role !== "EVALUATOR";
    case "own-password.change":
      return true;
    case "sheets.import":
    case "sheets.rollover":
    case "user.manage":
    case "assignment.manage":
    case "fiscal-year.manage":
    case "period.lock":
    case "unit.manage":
    case "backup.download":
    case "notifications.manage":
    case "settings.manage":
      return actor.role === "ADMIN";
  }
}

export function can(actor: Actor, action: Action): boolean {
  if (actor.kind === "system") return action.type !== "own-password.change";
  return "sheet" in action ? canOnSheet(actor, action.type, action.sheet) : canGlobally(actor, action.type);
}

export function authorize(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new AppError("FORBIDDEN", "无权执行此操作");
}

/**
 * Which sheets an actor may read (`sheet.read`), in one place: `can` judges one sheet by it, and every list
 * query filters by it (`readableSheetsWhere` in lib/sheets/sheet-scope.ts turns it into the WHERE), so a
 * list never shows a sheet its page would refuse. An actor reads the sheets admitted by any of their grants:
 * - an admin (and the system) every sheet;
 * - a manager every sheet of their department, drafts included (they approve them);
 * - a lead or an evaluator the published sheets they are assigned to — an evaluator assigned to nothing
 *   reads nothing;
 * - anyone the drafts they authored (a lead drafting their own sheet for approval).
 * Drafts (DRAFT, SUBMITTED) are thus seen only by their author, the department's managers and admins
 * (docs/roles.md).
 */
export type SheetGrant =
  | { departmentId: number }
  | { authorId: number }
  /** Published sheets the user is assigned to in that duty. */
  | { assignedUserId: number; duty: "LEAD" | "EVALUATOR" };

export type SheetVisibility = { all: true } | { anyOf: SheetGrant[] };

export function sheetVisibility(actor: Actor): SheetVisibility {
  if (actor.kind === "system") return { all: true };
  const authored: SheetGrant = { authorId: actor.id };
  switch (actor.role) {
    case "ADMIN":
      return { all: true };
    case "MANAGER":
      return { anyOf: actor.departmentId === null ? [authored] : [{ departmentId: actor.departmentId }, authored] };
    case "LEAD":
    case "EVALUATOR":
      return { anyOf: [{ assignedUserId: actor.id, duty: actor.role }, authored] };
  }
}

function admits(visibility: SheetVisibility, sheet: SheetScope): boolean {
  if ("all" in visibility) return true;
  return visibility.anyOf.some((grant) => {
    if ("departmentId" in grant) return sheet.departmentId === grant.departmentId;
    if ("authorId" in grant) return sheet.authorId === grant.authorId;
    return sheet.published && (grant.duty === "LEAD" ? sheet.leadIds : sheet.evaluatorIds).includes(grant.assignedUserId);
  });
}

/**
 * The audit entries an actor may read (after `audit.read`), as a filter for the 操作日志 queries: an admin
 * reads every entry; a manager the entries of their department (about its sheets and their rows, its
 * units, its users: see lib/audit/entry-view.ts), never another department's nor those of no department
 * (leads, evaluators and admins belong to none, so their user administration is for admins only).
 */
export type AuditVisibility = { all: true } | { departmentId: number } | { none: true };

export function auditVisibility(actor: Actor): AuditVisibility {
  if (actor.kind === "system") return { all: true };
  switch (actor.role) {
    case "ADMIN":
      return { all: true };
    case "MANAGER":
      return actor.departmentId === null ? { none: true } : { departmentId: actor.departmentId };
    case "LEAD":
    case "EVALUATOR":
      return { none: true }; // `audit.read` refuses them anyway
  }
}
