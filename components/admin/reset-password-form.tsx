"use client";

import { NewPasswordFields } from "@/components/account/new-password-fields";
import { Button } from "@/components/ui/button";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

/** 重置密码: the admin types a new password twice; passwords are never sent back nor kept in the browser. */
export function ResetPasswordForm({ action, userId }: { action: Action; userId: number }) {
  const form = useActionForm({ initial: { password: "", confirm: "" }, secret: ["password", "confirm"] });
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label="重置密码"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("reset", () => action({ id: String(userId), ...form.values }));
      }}
    >
      <NewPasswordFields form={form} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "reset"} pendingText="正在重置…">
          重置密码
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
