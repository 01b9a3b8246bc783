"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

/** The forms of 部门与预算单位: a name to add, a name to change, a row to delete. */

/** 新增部门 / 新增预算单位: one name (the department a unit goes under is sent along). */
export function AddNameForm({
  action,
  title,
  label,
  hint,
  submit,
  hidden,
}: {
  action: Action;
  /** Accessible name of the form. */
  title: string;
  label: string;
  hint?: string;
  submit: string;
  hidden?: Record<string, string | number>;
}) {
  const form = useActionForm({ initial: { name: "" } });
  // A refusal about the department (deleted meanwhile) has no field of its own: show it by the name.
  const problemPath = (path: string) => (path === "departmentId" ? "name" : path);
  const extra = Object.fromEntries(Object.entries(hidden ?? {}).map(([k, v]) => [k, String(v)]));
  return (
    <form
      noValidate
      aria-label={title}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("add", () => action({ ...extra, ...form.values }), { problemPath });
      }}
    >
      <TextInput label={label} hint={hint} className="w-80 max-w-full space-y-1" {...form.bind("name")} />
      <div className="flex items-center gap-3 pb-0.5">
        <Button type="submit" disabled={form.busy} pending={form.pending === "add"} pendingText="正在保存…">
          {submit}
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}

/**
 * 重命名: a disclosure holding the name field, so the table stays calm until asked. Closes on success and
 * announces what changed; on refusal it stays open with the typed name and the reason beside it.
 */
export function RenameForm({
  action,
  id,
  name,
  what,
  hint,
  summary = "重命名",
}: {
  action: Action;
  id: number;
  name: string;
  what: string;
  hint: string;
  summary?: string;
}) {
  const form = useActionForm({ initial: { name } });
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const problemPath = (path: string) => (path === "id" ? "name" : path);
  async function send() {
    const result = await form.run("rename", () => action({ id: String(id), ...form.values }), { problemPath, base: () => form.values });
    if (result?.ok && detailsRef.current) detailsRef.current.open = false;
  }
  const outcome = form.state.outcome;
  return (
    <div className="max-w-80 space-y-1">
      <details ref={detailsRef}>
        <summary className="cursor-pointer text-brand hover:underline" aria-label={`重命名${what}「${name}」`}>
          {summary}
        </summary>
        <form
          noValidate
          aria-label={`重命名${what}「${name}」`}
          className="mt-2 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <TextInput label="新名称" hint={hint} {...form.bind("name")} />
          <Button type="submit" tone="plain" compact disabled={form.busy} pending={form.pending === "rename"} pendingText="正在保存…">
            保存名称
          </Button>
          {outcome?.kind === "error" ? <FormFeedback form={form} compact /> : null}
        </form>
      </details>
      {outcome?.kind === "success" ? (
        <p role="status" className="text-xs text-green-800">
          {outcome.text}
        </p>
      ) : null}
      <FormDialog form={form} />
    </div>
  );
}

/** 删除: shown only for rows nothing uses; a refusal (used meanwhile) appears beside the button. */
export function DeleteForm({ action, id, name, what }: { action: Action; id: number; name: string; what: string }) {
  const form = useActionForm({ initial: {} });
  const outcome = form.state.outcome;
  return (
    <div className="space-y-1">
      <Button
        tone="danger"
        compact
        aria-label={`删除${what}「${name}」`}
        disabled={form.busy}
        pending={form.pending === "delete"}
        pendingText="正在删除…"
        onClick={() => void form.run("delete", () => action({ id: String(id) }))}
      >
        删除
      </Button>
      {outcome?.kind === "error" ? (
        <p role="alert" className="text-xs text-red-700">
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
