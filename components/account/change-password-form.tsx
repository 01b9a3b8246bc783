"use client";

import { signOut } from "next-auth/react";
import { useEffect } from "react";
import { fieldError, type FormAction } from "@/components/admin/action-state";
import { describedBy, Field, FormMessage, inputClass, NewPasswordFields, SubmitButton, useActionForm } from "@/components/admin/form-parts";

/**
 * 修改密码: the current password, then the new one twice. The change ends every session of the user,
 * this browser's too, so on success the form signs out and opens the login page with a notice.
 */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const { state, formAction, hydrated, formRef, id } = useActionForm(action);
  useEffect(() => {
    if (!state?.ok) return;
    void signOut({ redirect: false }).finally(() => window.location.assign("/login?notice=password-changed"));
  }, [state]);
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
