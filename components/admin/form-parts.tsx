"use client";

import { type ReactNode, type RefObject, useActionState, useEffect, useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { useHydrated } from "@/components/ui/use-hydrated";
import { type ActionState, fieldError, type FormAction } from "./action-state";

export const inputClass = "h-8 w-full rounded border border-line bg-white px-2 py-1 focus:border-brand aria-[invalid=true]:border-red-600 disabled:bg-head disabled:text-muted";

/** Accessibility attributes tying an input to its error message. */
export function describedBy(id: string, error: string | undefined, hint?: boolean) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** A labelled field with its hint and, when refused, the message that says what to fix. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form's outcome: a success line, or the refusal as an alert. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-1.5 text-green-800">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-1.5 text-red-800">
      {state.error}
    </p>
  );
}

/** Disabled while the form's action runs (and before hydration, when a click would do nothing). */
export function SubmitButton({ children, pendingText, hydrated, className }: { children: ReactNode; pendingText: string; hydrated: boolean; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || !hydrated}
      className={className ?? "rounded bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60"}
    >
      {pending ? pendingText : children}
    </button>
  );
}

/** After a refusal, puts the cursor in the first field that needs fixing (keyboard users land on it). */
export function useFocusFirstError(state: ActionState, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (state && !state.ok) form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state, form]);
}

/** A new password and its repetition (fields `password` and `confirm`), with the password rules as a hint. */
export function NewPasswordFields({ state, idPrefix }: { state: ActionState; idPrefix: string }) {
  const f = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field id={f("password")} label="新密码" error={fieldError(state, "password")} hint="至少 10 个字符，须包含字母和数字">
        <input name="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy(f("password"), fieldError(state, "password"), true)} />
      </Field>
      <Field id={f("confirm")} label="再次输入新密码" error={fieldError(state, "confirm")}>
        <input name="confirm" type="password" autoComplete="new-password" className={inputClass} {...describedBy(f("confirm"), fieldError(state, "confirm"))} />
      </Field>
    </>
  );
}

/**
 * What every form over a FormAction wires up alike: the action's answer, whether the page is hydrated,
 * the cursor on the first refused field, and ids for the fields (`f("name")`).
 */
export function useActionForm(action: FormAction) {
  const [state, formAction] = useActionState(action, null);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, formRef);
  const id = useId();
  return { state, formAction, hydrated, formRef, id, f: (name: string) => `${id}-${name}` };
}
