"use client";

import { Button } from "@/components/ui/button";
import { Select, TextArea } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

const MONTH_OPTIONS = [
  ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: i === 11 ? "12月（全年）" : `${i + 1}月` })),
  { value: "0", label: "不锁定（全部解锁）" },
];

/**
 * 期间锁定: lock months 1…N of a year for every sheet, or move the lock back (0 unlocks the year) with a
 * reason. The server says whether the move is a lock or an unlock and requires the reason for the latter.
 */
export function PeriodLockForm({ action, years }: { action: Action; years: { year: number; lockText: string }[] }) {
  const form = useActionForm({ initial: { year: String(years[0]?.year ?? ""), throughMonth: "", reason: "" } });
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label="期间锁定"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("lock", () => action(form.values), { base: () => ({ ...form.values, throughMonth: "", reason: "" }) });
      }}
    >
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <Select label="年度" options={years.map((y) => ({ value: String(y.year), label: `${y.year}年（${y.lockText}）` }))} {...form.bind("year")} />
        <Select label="锁定至" placeholder="请选择" options={MONTH_OPTIONS} hint="所选月份及之前的月份全部锁定" {...form.bind("throughMonth")} />
        <TextArea label="原因" hint="解除锁定（把锁定月份往回调）时必填，记入操作日志" className="space-y-1 md:col-span-2" {...form.bind("reason")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "lock"} pendingText="正在保存…">
          保存锁定
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
