"use client";

import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, controlClass } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import { understoodTarget } from "./target-text";

export interface AdjustableRow {
  id: number;
  name: string;
  targetRaw: string;
  version: number;
}

/**
 * 指标调整: pick the row, type the new 指标值 (understood as typed), give the reason. The approver is
 * the person recording it. What was typed stays when the save is refused (the forms kit).
 */
export function AdjustTargetForm({ rows, action }: { rows: AdjustableRow[]; action: Action }) {
  const form = useActionForm({ initial: { indicatorId: String(rows[0]?.id ?? ""), targetRaw: "", reason: "" } });
  const row = rows.find((r) => String(r.id) === form.value("indicatorId"));
  const targetRaw = form.value("targetRaw");
  const understood = understoodTarget(targetRaw);
  const send = () =>
    form.run("adjust", () => action({ ...form.values, version: String(row?.version ?? "") }), {
      sent: ["targetRaw", "reason"],
      base: () => ({ indicatorId: form.value("indicatorId"), targetRaw: "", reason: "" }),
    });
  return (
    <form
      noValidate
      aria-label="指标调整"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Select
          label="调整的指标"
          options={rows.map((r) => ({ value: String(r.id), label: `${r.name}（现为 ${r.targetRaw}）` }))}
          {...form.bind("indicatorId")}
        />
        <Field
          id={form.fieldId("targetRaw")}
          label="调整后指标值"
          error={form.error("targetRaw") ?? (targetRaw && !understood.ok ? understood.text : undefined)}
          note={targetRaw ? (understood.ok ? `解析为：${understood.text}` : undefined) : "如 ＞=4项、＜=5%、有效推动"}
        >
          {(aria) => (
            <input
              {...aria}
              value={targetRaw}
              placeholder={row?.targetRaw}
              disabled={form.busy}
              onChange={(e) => form.set("targetRaw", e.target.value)}
              className={controlClass(form.error("targetRaw"))}
            />
          )}
        </Field>
        <TextArea label="调整原因" maxLength={1000} {...form.bind("reason")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy || rows.length === 0} pending={form.pending === "adjust"} pendingText="正在记录…">
          记录指标调整
        </Button>
      </div>
      <FormFeedback form={form} />
      <FormDialog form={form} />
    </form>
  );
}
