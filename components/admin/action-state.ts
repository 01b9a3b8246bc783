/**
 * What a server action of the admin forms answers (useActionState): success with a sentence to show,
 * or a refusal with a message per field. `values` are the fields as typed (never passwords), so the
 * form shows them again after React resets it; `at` tells one answer from the next.
 */
export type ActionState =
  | { ok: true; message: string; at: number }
  | { ok: false; error: string; fieldErrors: Record<string, string>; values: Record<string, string>; at: number }
  | null;

/** A server action as a form's `useActionState` calls it. */
export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

/** The value to show in a field: what was typed when refused, else the stored value. */
export const typed = (state: ActionState, name: string, stored = ""): string => (state && !state.ok && name in state.values ? state.values[name]! : stored);

export const fieldError = (state: ActionState, name: string): string | undefined => (state && !state.ok ? state.fieldErrors[name] : undefined);

/**
 * A key for a form whose fields take their defaults from the state: it changes with every answer, so
 * the fields mount again with the typed (refused) or stored (saved) values as defaults. React resets a
 * form after its action, and a select would otherwise fall back to the option it first rendered with.
 */
export const fieldsKey = (state: ActionState): string => (state ? String(state.at) : "initial");
