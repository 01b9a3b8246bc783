import type { Values } from "./form-state";

/**
 * Unsent input kept in the browser (localStorage), one entry per user + form + record, so what was typed
 * survives a failed save, a timed-out session (the login page comes back to the form) and a reload, and
 * is offered back with 恢复 / 丢弃. Only the changed fields are kept, never secret ones (passwords).
 */
const PREFIX = "ptt:draft:";

interface Stored {
  v: 1;
  /** When it was last written (ms): drafts older than MAX_AGE are forgotten. */
  at: number;
  values: Record<string, string>;
}

const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export const draftStorageKey = (key: string) => `${PREFIX}${key}`;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

/** The kept values, or null (none, unreadable, too old). */
export function readDraft(storage: Storage, key: string, now = Date.now()): Record<string, string> | null {
  let raw: string | null;
  try {
    raw = storage.getItem(draftStorageKey(key));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Stored>;
    if (parsed.v !== 1 || typeof parsed.at !== "number" || !parsed.values || typeof parsed.values !== "object") return null;
    if (now - parsed.at > MAX_AGE_MS) return null;
    const values = Object.fromEntries(Object.entries(parsed.values).filter((e): e is [string, string] => typeof e[1] === "string"));
    return Object.keys(values).length > 0 ? values : null;
  } catch {
    return null;
  }
}

/** Keeps the edits (none: forgets the entry). A full or blocked storage is not the form's problem. */
export function writeDraft(storage: Storage, key: string, values: Record<string, string>, now = Date.now()): void {
  try {
    if (Object.keys(values).length === 0) storage.removeItem(draftStorageKey(key));
    else storage.setItem(draftStorageKey(key), JSON.stringify({ v: 1, at: now, values } satisfies Stored));
  } catch {
    // Private mode or quota: the leave guard still protects the page.
  }
}

/** What of a kept draft is still worth offering: values that differ from what the form shows now. */
export function offerable(kept: Record<string, string> | null, current: Values): Record<string, string> {
  if (!kept) return {};
  return Object.fromEntries(Object.entries(kept).filter(([path, value]) => path in current && value.trim() !== (current[path] ?? "").trim()));
}
