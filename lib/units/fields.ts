import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { idOf, textOf, TEXT_MAX } from "@/lib/input";

/** Input pieces and audit snapshots shared by the department and budget-unit use cases. */

/** A name as typed: trimmed (full-width spaces too), required, as long as a printed header allows. */
const nameOf = (what: string) => textOf(`${what}名称`, { max: TEXT_MAX.name }).min(1, `请填写${what}名称`);

export const departmentNameSchema = nameOf("部门");
export const unitNameSchema = nameOf("预算单位");
export const departmentIdSchema = idOf("请选择部门");
export const unitIdSchema = idOf("预算单位编号有误");

/** Every use case of this folder starts here: admins only. */
export const authorizeUnits = (actor: Actor) => authorize(actor, { type: "unit.manage" });

/** A refusal that names its field, so the form shows it next to the input. */
export const refuse = (code: "NOT_FOUND" | "CONFLICT" | "INVALID", path: string, message: string) => new AppError(code, message, [{ path, message }]);

/**
 * What the audit log keeps of a department. `departmentId` scopes the entry to the department (a manager
 * reads it: lib/audit/entry-view.ts); beside `department`, the 操作日志 shows the name and hides the id.
 */
export const departmentSnapshot = (d: { id: number; name: string }) => ({ departmentId: d.id, department: d.name }) satisfies Prisma.InputJsonObject;

/**
 * What the audit log keeps of a budget unit (`unit.create|rename|delete`, here and when a draft names a new
 * unit: lib/authoring/resolve-unit.ts): `departmentId` and `name`, plus the department's name, for reading.
 */
export const unitSnapshot = (u: { departmentId: number; name: string }, department: string) =>
  ({ departmentId: u.departmentId, department, name: u.name }) satisfies Prisma.InputJsonObject;

export { lockRow, TX_OPTIONS } from "@/lib/sheets/sheet-lock";
