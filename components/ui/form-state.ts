import type { AppErrorCode, Problem } from "@/lib/errors";

/**
 * The state of a form, as pure data and one reducer (use-action-form.ts drives it; tests sit beside).
 * Every field is a string under a path (`displayName`, `rows.12.value`, `executed`): `base` is what the
 * server holds, `draft` what the page shows. A path is dirty when its draft differs from its base
 * (surrounding spaces do not count). Problems come from the last refusal, each at a field path or
 * general (`""`); changing a field takes its problems away.
 */
export type Values = Readonly<Record<string, string>>;

export type Outcome =
  | { kind: "success"; text: string; warnings: readonly string[] }
  | { kind: "error"; text: string; code: AppErrorCode | "ERROR" | "NETWORK" };

export interface FormState {
  base: Values;
  draft: Values;
  problems: readonly Problem[];
  outcome: Outcome | null;
  /** The name of the action running (e.g. `save`), or null. */
  pending: string | null;
  /** Unsent input found in the browser (browser-draft.ts), offered back with 恢复 / 丢弃. */
  offer: Values | null;
}

export type FormEvent =
  | { type: "edit"; path: string; value: string }
  | { type: "start"; name: string }
  /** Reset after save: `base` is the server's new state; paths not `sent` keep what was typed. */
  | { type: "succeeded"; message: string; warnings?: readonly string[]; base?: Values; sent?: readonly string[] }
  | { type: "refused"; message: string; code: AppErrorCode | "ERROR"; problems: readonly Problem[] }
  | { type: "failed"; message: string }
  /** The server's state changed under the form (a refresh): typed changes stay on top of it. */
  | { type: "rebase"; base: Values }
  | { type: "offer"; values: Values }
  | { type: "restore" }
  | { type: "discard" }
  | { type: "dismiss" };

export const initialFormState = (base: Values): FormState => ({ base, draft: base, problems: [], outcome: null, pending: null, offer: null });

const same = (a: string | undefined, b: string | undefined) => (a ?? "").trim() === (b ?? "").trim();

/** The paths whose draft differs from the server's value. */
export const dirtyPaths = (state: Pick<FormState, "base" | "draft">): string[] =>
  Object.keys(state.draft).filter((path) => !same(state.draft[path], state.base[path]));

/** The typed values of the dirty paths. */
export const edits = (state: Pick<FormState, "base" | "draft">): Record<string, string> =>
  Object.fromEntries(dirtyPaths(state).map((path) => [path, state.draft[path]!]));

/** A problem belongs to a field when its path is the field's or lies under it (`rows.3.value` is under `rows.3`). */
const under = (problemPath: string, field: string) => problemPath === field || problemPath.startsWith(`${field}.`);

/** The first message for a field, if any. */
export const problemAt = (state: Pick<FormState, "problems">, path: string): string | undefined =>
  state.problems.find((p) => p.path !== "" && under(p.path, path))?.message;

/** True when a refusal only asks to confirm unusual values. */
export const onlyConfirmable = (problems: readonly Problem[]): boolean => problems.length > 0 && problems.every((p) => p.confirmable === true);

const overlay = (base: Values, typed: Record<string, string>): Values => ({ ...base, ...typed });

export function formReducer(state: FormState, event: FormEvent): FormState {
  switch (event.type) {
    case "edit": {
      if (state.draft[event.path] === event.value) return state;
      const problems = state.problems.filter((p) => !(p.path !== "" && (under(p.path, event.path) || under(event.path, p.path))));
      // Once the last field problem is fixed the refusal's sentence has said its piece too.
      const outcome = state.outcome?.kind === "error" && problems.length === 0 && state.problems.length > 0 ? null : state.outcome;
      return { ...state, draft: { ...state.draft, [event.path]: event.value }, problems, outcome };
    }
    case "start":
      return { ...state, pending: event.name };
    case "succeeded": {
      const base = event.base ?? state.base;
      const sent = event.sent ? new Set(event.sent) : null;
      const kept = sent ? Object.fromEntries(Object.entries(edits(state)).filter(([path]) => !sent.has(path))) : {};
      const draft = overlay(base, kept);
      return { ...state, base, draft, problems: [], pending: null, outcome: { kind: "success", text: event.message, warnings: event.warnings ?? [] } };
    }
    case "refused":
      return { ...state, pending: null, problems: event.problems, outcome: { kind: "error", text: event.message, code: event.code } };
    case "failed":
      return { ...state, pending: null, outcome: { kind: "error", text: event.message, code: "NETWORK" } };
    case "rebase":
      return { ...state, base: event.base, draft: overlay(event.base, edits(state)) };
    case "offer":
      return { ...state, offer: Object.keys(event.values).length > 0 ? event.values : null };
    case "restore":
      if (!state.offer) return state;
      return { ...state, draft: overlay(state.draft, Object.fromEntries(Object.entries(state.offer).filter(([path]) => path in state.base))), offer: null };
    case "discard":
      return { ...state, offer: null };
    case "dismiss":
      return { ...state, outcome: null };
  }
}
