import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

/**
 * Every permission rule of the product, in one place. Use cases call `authorize` before they read or
 * write; the UI may hide what is refused here, but never decides it.
 */

/** What the rules need to know about a sheet. */
export interface SheetScope {
  departmentId: number;
  /** Users assigned as lead of the sheet. */
  leadIds: number[];
}

export type Action =
  | { type: "sheet.read"; sheet: SheetScope }
  | { type: "sheets.list" }
  | { type: "sheets.import" }
  | { type: "sheets.export" }
  | { type: "user.manage" };

export function can(actor: Actor, action: Action): boolean {
  if (actor.kind === "system") return true;
  const { role } = actor;
  switch (action.type) {
    case "sheets.list":
      return true; // the list itself is filtered by sheetVisibility
    case "sheet.read":
      if (role === "ADMIN" || role === "EVALUATOR") return true;
      if (role === "MANAGER") return actor.departmentId === action.sheet.departmentId;
      return action.sheet.leadIds.includes(actor.id);
    case "sheets.export":
      return role === "ADMIN" || role === "MANAGER" || role === "EVALUATOR";
    case "sheets.import":
    case "user.manage":
      return role === "ADMIN";
  }
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
