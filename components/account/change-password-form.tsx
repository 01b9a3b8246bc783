"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import { NewPasswordFields } from "./new-password-fields";

const SECRET = ["current", "password", "confirm"];

/**
 * 修改密码: the current password, then the new one twice. The change ends every session of the user,
 * this browser's too, so on success the form signs out and opens the login page with a notice.
 */
export function ChangePasswordForm({ action }: { action: Action }) {
  const form = useActionForm({ initial: { current: "", password: "", confirm: "" }, secret: SECRET });
  async function send() {
    const result = await form.run("change", () => action(form.values));
    if (result?.ok) await signOut({ redirect: false }).finally(() => window.location.assign("/login?notice=password-changed"));
  }
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label="修改密码"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <TextInput type="password" autoComplete="current-password" label="当前密码" {...form.bind("current")} />
      <NewPasswordFields form={form} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "change"} pendingText="正在修改…">
          修改密码
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
