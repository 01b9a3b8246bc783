"use client";

import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

/** 新增年度: a fiscal year without sheets yet (imports and 年度结转 also add the year they need). */
export function CreateYearForm({ action, suggested }: { action: Action; suggested: number }) {
  const form = useActionForm({ initial: { year: String(suggested) } });
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      aria-label="新增年度"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("create", () => action(form.values));
      }}
    >
      <TextInput label="年度" inputMode="numeric" className="w-40 space-y-1" {...form.bind("year")} />
      <Button type="submit" disabled={form.busy} pending={form.pending === "create"} pendingText="正在新增…">
        新增年度
      </Button>
      <FormFeedback form={form} compact />
      <FormDialog form={form} />
    </form>
  );
}
