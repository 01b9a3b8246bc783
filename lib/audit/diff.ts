/**
 * What changed between the `before` and `after` of an audit entry, field by field (pure). Objects are
 * compared key by key and arrays of objects item by item, down to the leaves; an array of plain values
 * (佐证资料 kinds, sheet ids) is one leaf. A null or missing side counts as "absent", so a creation
 * lists every field of `after` and a deletion every field of `before`.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface FieldChange {
  /** Keys and array indexes from the top, e.g. `["indicators", 0, "targetRaw"]`. */
  path: (string | number)[];
  /** undefined: the field was absent on that side. */
  before: Json | undefined;
  after: Json | undefined;
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);
const isObjectArray = (v: unknown): v is Json[] => Array.isArray(v) && v.some((item) => isObject(item) || Array.isArray(item));
const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function diffJson(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk([], (before ?? undefined) as Json | undefined, (after ?? undefined) as Json | undefined, changes);
  return changes;
}

function walk(path: (string | number)[], a: Json | undefined, b: Json | undefined, out: FieldChange[]): void {
  if (same(a, b)) return;
  if ((a === undefined || isObject(a)) && (b === undefined || isObject(b))) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    for (const key of keys) walk([...path, key], a?.[key], b?.[key], out);
    return;
  }
  if ((a === undefined || isObjectArray(a)) && (b === undefined || isObjectArray(b))) {
    const length = Math.max(a?.length ?? 0, b?.length ?? 0);
    for (let i = 0; i < length; i += 1) walk([...path, i], a?.[i], b?.[i], out);
    return;
  }
  out.push({ path, before: a, after: b });
}
