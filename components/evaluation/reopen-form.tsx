"use client";

import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import { TEXT_MAX } from "@/lib/input";

/**
 * 重新开放: a manager reopens a final evaluation — or the lead's submitted 自评 (`kind="SELF"`) — saying why (kept
 * with the evaluation and in the audit log). The server requires the reason and says so at the field.
 */
export function ReopenForm({
  sheetId,
  version,
  kind = "EVALUATOR",
  reopen,
}: {
  sheetId: number;
  version: number;
  kind?: "EVALUATOR" | "SELF";
  reopen: Action<unknown>;
}) {
  const self = kind === "SELF";
  const form = useActionForm({ initial: { reason: "" } });
  return (
    <form
      noValidate
      aria-label={self ? "重新开放自评" : "重新开放评价"}
      className="no-print space-y-2 rounded border border-line bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("reopen", () => reopen({ sheetId, version, kind, reason: form.value("reason") }), { base: () => ({ reason: "" }) });
      }}
    >
      <TextArea
        {...form.bind("reason")}
        label={self ? "重新开放自评原因" : "重新开放原因"}
        hint={`${self ? "负责人已提交自评；重新开放后负责人可以修改并重新提交" : "重新开放后评价回到草稿，评价人可以修改并重新定稿"}；原因将记入操作日志。`}
        rows={2}
        maxLength={TEXT_MAX.reason}
      />
      <FormFeedback form={form} compact />
      <Button type="submit" tone="secondary" disabled={form.busy} pending={form.pending === "reopen"} pendingText="正在重新开放…">
        {self ? "重新开放自评" : "重新开放"}
      </Button>
      <FormDialog form={form} />
    </form>
  );
}
