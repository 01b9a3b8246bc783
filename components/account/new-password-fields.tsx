"use client";

import { TextInput } from "@/components/ui/field";
import type { ActionForm } from "@/components/ui/use-action-form";

/**
 * A new password and its repetition (`password`, `confirm`), with the password rules as a hint. What was
 * typed stays in both fields when they differ; the message sits at the repetition.
 */
export function NewPasswordFields({ form }: { form: ActionForm }) {
  return (
    <>
      <TextInput type="password" autoComplete="new-password" label="新密码" hint="至少 10 个字符，须包含字母和数字" {...form.bind("password")} />
      <TextInput type="password" autoComplete="new-password" label="再次输入新密码" {...form.bind("confirm")} />
    </>
  );
}
