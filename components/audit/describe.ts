import { diffJson, type Json } from "@/lib/audit/diff";
import { formatIsoTimestamp } from "@/lib/beijing-time";
import { ACTION_LABEL, codeLabel, ENTITY_LABEL, FIELD_LABEL } from "./labels";

/** One changed field of an audit entry, in words. */
export interface ChangeLine {
  field: string;
  /** "" when the field was absent on that side (created / removed). */
  before: string;
  after: string;
}

const MAX_TEXT = 60;

/** Ids and bookkeeping that say nothing to a reader. */
const HIDDEN = new Set(["id", "version", "createdAt", "updatedAt", "passwordHash"]);

export const actionLabel = (action: string) => ACTION_LABEL[action] ?? action;
export const entityLabel = (entityType: string) => ENTITY_LABEL[entityType] ?? entityType;

/** A stored value for reading: codes named, booleans in words, lists joined, long text shortened. */
function showValue(field: string, value: Json | undefined): string {
  if (value === undefined) return "";
  if (value === null || value === "") return "（空）";
  if (typeof value === "boolean") return field === "active" ? (value ? "启用" : "停用") : value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return formatIsoTimestamp(value) ?? shorten(codeLabel(field, value));
  if (Array.isArray(value))
    return value.length === 0 ? "（空）" : shorten(value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join("、"));
  return shorten(JSON.stringify(value));
}

const shorten = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/** Names that depend on the object a field is in (`target.value` is the target's number, not an actual). */
const NESTED_LABEL: Record<string, string> = { "target.value": "数值", "target.unit": "计量单位", "target.op": "比较符", "funds.total": "年度预算总额" };

function fieldName(path: (string | number)[]): string {
  return path
    .map((part, i) => {
      if (typeof part === "number") return path[i - 1] === "indicators" ? `第${part + 1}行` : `第${part + 1}项`;
      return NESTED_LABEL[`${String(path[i - 1])}.${part}`] ?? FIELD_LABEL[part] ?? part;
    })
    .join(" · ");
}

/** `xxxId` next to a `xxx` that names the same thing (departmentId beside department). */
function isRedundantId(key: string, siblings: Set<string>): boolean {
  return key.endsWith("Id") && siblings.has(key.slice(0, -2));
}

function siblingKeys(root: unknown, path: (string | number)[]): Set<string> {
  let node: unknown = root;
  for (const part of path.slice(0, -1)) node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[part] : undefined;
  return new Set(node && typeof node === "object" && !Array.isArray(node) ? Object.keys(node) : []);
}

/** Fields in the order a reader expects them (the database keeps JSON keys in its own order). */
const FIELD_ORDER = new Map(Object.keys(FIELD_LABEL).map((key, i) => [key, i]));
const orderOf = (path: (string | number)[]) => FIELD_ORDER.get(String(path[0])) ?? FIELD_ORDER.size;

/** The changes of an entry in words, hiding ids that a name beside them already says. */
export function describeChanges(before: unknown, after: unknown): ChangeLine[] {
  return diffJson(before, after)
    .sort((a, b) => orderOf(a.path) - orderOf(b.path))
    .filter(({ path }) => {
      const key = path.at(-1);
      if (typeof key !== "string") return true;
      if (HIDDEN.has(key)) return false;
      const siblings = new Set([...siblingKeys(before, path), ...siblingKeys(after, path)]);
      return !isRedundantId(key, siblings);
    })
    .map(({ path, before: b, after: a }) => {
      const key = String([...path].reverse().find((p) => typeof p === "string") ?? "");
      return { field: fieldName(path), before: showValue(key, b), after: showValue(key, a) };
    });
}
