"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect, useId, useRef } from "react";
import { type ActionState, fieldError } from "@/components/admin/action-state";
import { describedBy, Field, FormMessage, inputClass, NewPasswordFields, SubmitButton, useFocusFirstError } from "@/components/admin/form-parts";
import { useHydrated } from "@/components/ui/use-hydrated";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * 修改密码: the current password, then the new one twice. The change ends every session of the user,
 * this browser's too, so on success the form signs out and opens the login page with a notice.
 */
export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, null);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, formRef);
  useEffect(() => {
    if (!state?.ok) return;
    void signOut({ redirect: false }).finally(() => window.location.assign("/login?notice=password-changed"));
  }, [state]);
  const id = useId();
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-3" aria-label="修改密码">
      <Field id={`${id}-current`} label="当前密码" error={fieldError(state, "current")}>
        <input name="current" type="password" autoComplete="current-password" className={inputClass} {...describedBy(`${id}-current`, fieldError(state, "current"))} />
      </Field>
      <NewPasswordFields state={state} idPrefix={id} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton hydrated={hydrated} pendingText="正在修改…">
          修改密码
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
