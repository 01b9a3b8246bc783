"use client";

import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

const MODE_OPTIONS = [
  { value: "IMMEDIATE", label: "立即发送" },
  { value: "DIGEST", label: "每日汇总" },
  { value: "OFF", label: "不发送" },
];

/** 通知: the user's e-mail address and, per kind of notification, how e-mail brings it (in-app always does). */
export function NotificationSettingsForm({
  action,
  email,
  events,
  draftKey,
}: {
  action: Action;
  email: string;
  events: { event: string; label: string; mode: string }[];
  draftKey: string;
}) {
  const initial = { email, ...Object.fromEntries(events.map((e) => [`modes.${e.event}`, e.mode])) };
  const form = useActionForm({ initial, draftKey });
  const send = () =>
    action({
      email: form.values.email,
      modes: Object.fromEntries(events.map((e) => [e.event, form.values[`modes.${e.event}`]])),
    });
  return (
    <form
      noValidate
      aria-label="通知设置"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("save", send, { base: () => form.values });
      }}
    >
      <TextInput label="邮箱" placeholder="zhangsan@example.gov.cn" hint="不填则只在系统内提醒" autoComplete="email" {...form.bind("email")} />
      <fieldset className="space-y-2">
        <legend className="font-medium">邮件提醒方式</legend>
        <div className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
          {events.map((e) => (
            <Select key={e.event} label={e.label} options={MODE_OPTIONS} {...form.bind(`modes.${e.event}`)} />
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
          保存通知设置
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
