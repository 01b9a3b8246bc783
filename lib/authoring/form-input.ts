/**
 * A form's text fields → the nested input of a use case: `indicators.2.name` → `{ indicators: [, , { name }] }`.
 * Numeric segments make arrays (holes are filled with `{}` so rows keep their index); fields whose
 * name starts with `$` (React's own) and files are left out.
 */
export function nestFields(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || name.startsWith("$")) continue;
    const keys = name.split(".");
    if (keys.some((k) => k === "" || k === "__proto__" || k === "constructor" || k === "prototype")) continue;
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const index = /^\d{1,4}$/.test(key) ? Number(key) : null;
      const container = node as Record<string | number, unknown>;
      const slot = index ?? key;
      if (last) {
        container[slot] = value;
        return;
      }
      const nextIsIndex = /^\d{1,4}$/.test(keys[i + 1]!);
      if (typeof container[slot] !== "object" || container[slot] === null) container[slot] = nextIsIndex ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    });
  }
  return fillHoles(root) as Record<string, unknown>;
}

function fillHoles(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, (item) => (item === undefined ? {} : fillHoles(item)));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillHoles(v)]));
  return value;
}
