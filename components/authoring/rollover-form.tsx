"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

/** The one button of 年度结转 with its opt-out of the 分工, and what came of it. */
export function RolloverForm({
  fromYear,
  count,
  disabled,
  action,
}: {
  fromYear: number;
  count: number;
  disabled: boolean;
  action: Action<{ toYear: number }>;
}) {
  // Nothing typed to lose: a checkbox left as it was asks nobody before leaving.
  const form = useActionForm({ initial: { keepAssignments: "true" }, guard: false });
  const keep = form.value("keepAssignments") === "true";
  const done = form.state.outcome?.kind === "success";
  return (
    <form
      noValidate
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("rollover", () => action({ fromYear, keepAssignments: keep }));
      }}
    >
      {done ? null : (
        <>
          <label className="flex min-h-10 items-center gap-2">
            <input
              type="checkbox"
              checked={keep}
              disabled={form.busy || disabled}
              onChange={(e) => form.set("keepAssignments", e.target.checked ? "true" : "false")}
              className="size-5"
            />
            同时结转分工（各表的项目负责人和评价人，仅限仍在使用的账号）
          </label>
          <Button type="submit" disabled={form.busy || disabled} pending={form.pending === "rollover"} pendingText="正在结转…">
            将 {count} 张表结转到{fromYear + 1}年
          </Button>
        </>
      )}
      <FormFeedback
        form={form}
        extra={
          done ? (
            <Link href={`/sheets?year=${fromYear + 1}`} className="text-brand hover:underline">
              查看{fromYear + 1}年度绩效目标表
            </Link>
          ) : null
        }
      />
    </form>
  );
}
