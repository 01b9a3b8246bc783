"use client";

import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

export interface EvidenceLimitsValues {
  sheetQuotaMb: number;
  userQuotaMb: number;
  minFreeMb: number;
  minFreePercent: number;
  version: number;
}

const text = (v: EvidenceLimitsValues) => ({
  sheetQuotaMb: String(v.sheetQuotaMb),
  userQuotaMb: String(v.userQuotaMb),
  minFreeMb: String(v.minFreeMb),
  minFreePercent: String(v.minFreePercent),
});

/**
 * 佐证资料的存储限制: quotas per sheet and per user, and the free disk space an upload must leave. The server
 * checks every number (lib/evidence/storage-limits.ts); the version makes a save on another admin's older
 * settings a refusal.
 */
export function EvidenceLimitsForm({ action, limits }: { action: Action<EvidenceLimitsValues>; limits: EvidenceLimitsValues }) {
  const form = useActionForm({ initial: text(limits) });
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label="佐证资料存储限制"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("save", () => action({ ...form.values, version: limits.version }), { base: text });
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextInput label="每张绩效目标表（MB）" inputMode="numeric" hint="一张表所有佐证资料的合计上限" {...form.bind("sheetQuotaMb")} />
        <TextInput label="每位用户（MB）" inputMode="numeric" hint="一个人上传的佐证资料合计上限（所有表）" {...form.bind("userQuotaMb")} />
        <TextInput label="最少剩余空间（MB）" inputMode="numeric" hint="上传后磁盘剩余低于此值即拒绝；1024 MB = 1 GB" {...form.bind("minFreeMb")} />
        <TextInput label="最少剩余比例（%）" inputMode="numeric" hint="上传后剩余低于磁盘容量的此比例即拒绝" {...form.bind("minFreePercent")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
          保存设置
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
