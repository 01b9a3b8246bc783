"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action, ActionResult } from "@/lib/action-result";

type Moved = { href: string };

export interface WorkflowProps {
  sheetId: number;
  version: number;
  can: { submit: boolean; publish: boolean; returnDraft: boolean };
  errorCount: number;
  /** Each answers the page to open next (the sheet's, with a notice), or the refusal. */
  actions: { submit: Action<Moved>; publish: Action<Moved>; returnDraft: Action<Moved> };
}

/** 提交审核 / 审核通过并发布 / 退回: the buttons that move a draft along, each with its outcome. */
export function SheetWorkflow({ sheetId, version, can, errorCount, actions }: WorkflowProps) {
  const blocked = errorCount > 0;
  const ids = { sheetId: String(sheetId), version: String(version) };
  return (
    <div className="flex flex-wrap items-start gap-4">
      {can.submit ? (
        <Step
          send={() => actions.submit(ids)}
          label="提交审核"
          pendingLabel="正在提交…"
          blocked={blocked}
          ask={{ title: "提交审核？", body: "提交后由审核人审核，审核通过并发布前不能再编辑。", confirm: "提交审核" }}
          hint={blocked ? "请先改正检查结果中的错误" : undefined}
        />
      ) : null}
      {can.publish ? (
        <Step
          send={() => actions.publish(ids)}
          label="审核通过并发布"
          pendingLabel="正在发布…"
          blocked={blocked}
          ask={{ title: "审核通过并发布？", body: "发布后指标值锁定，只能通过指标调整修改。", confirm: "发布" }}
          hint={blocked ? "请先改正检查结果中的错误" : "发布后只能通过指标调整修改指标值"}
        />
      ) : null}
      {can.returnDraft ? <ReturnForm send={(comment) => actions.returnDraft({ ...ids, comment })} /> : null}
    </div>
  );
}

function Step({
  send,
  label,
  pendingLabel,
  blocked,
  ask,
  hint,
}: {
  send: () => Promise<ActionResult<Moved>>;
  label: string;
  pendingLabel: string;
  blocked: boolean;
  ask: { title: string; body: string; confirm: string };
  hint?: string;
}) {
  const form = useActionForm({ initial: {}, guard: false });
  const router = useRouter();
  return (
    <div className="space-y-1">
      <Button
        disabled={form.busy || blocked}
        pending={form.pending === "step"}
        pendingText={pendingLabel}
        onClick={async () => {
          if (!(await form.confirm({ ...ask, cancel: "取消" }))) return;
          const result = await form.run("step", send);
          if (result?.ok) router.push(result.data.href);
        }}
      >
        {label}
      </Button>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      <FormFeedback form={form} compact />
      <FormDialog form={form} />
    </div>
  );
}

function ReturnForm({ send }: { send: (comment: string) => Promise<ActionResult<Moved>> }) {
  const form = useActionForm({ initial: { comment: "" } });
  const router = useRouter();
  return (
    <form
      noValidate
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .run("return", () => send(form.value("comment")))
          .then((result) => {
            if (result?.ok) router.push(result.data.href);
          });
      }}
    >
      <TextArea label="退回意见" maxLength={1000} className="w-72 space-y-1" {...form.bind("comment")} />
      <Button type="submit" tone="plain" className="mt-6" disabled={form.busy} pending={form.pending === "return"} pendingText="正在退回…">
        退回修改
      </Button>
      <div className="basis-full">
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
