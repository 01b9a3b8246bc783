"use client";

import { Button } from "@/components/ui/button";
import { RadioGroup, Select, TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

export interface SmtpSettingsValues {
  smtpEnabled: boolean;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: "NONE" | "STARTTLS" | "TLS";
  smtpUser: string;
  hasPassword: boolean;
  smtpSender: string;
  publicUrl: string;
}

const SECURITY_OPTIONS = [
  { value: "NONE", label: "不加密（内网中继，常用端口 25）" },
  { value: "STARTTLS", label: "STARTTLS（常用端口 587）" },
  { value: "TLS", label: "SSL/TLS（常用端口 465）" },
];

const ENABLED_OPTIONS = [
  { value: "true", label: "启用" },
  { value: "false", label: "停用" },
];

/** 邮件（SMTP）: the server the notifications are mailed through. The password is write-only: stored, never shown. */
export function SmtpSettingsForm({ action, settings }: { action: Action; settings: SmtpSettingsValues }) {
  const initial = {
    smtpEnabled: String(settings.smtpEnabled),
    smtpHost: settings.smtpHost,
    smtpPort: String(settings.smtpPort),
    smtpSecurity: settings.smtpSecurity,
    smtpUser: settings.smtpUser,
    smtpPassword: "",
    clearPassword: "false",
    smtpSender: settings.smtpSender,
    publicUrl: settings.publicUrl,
  };
  const form = useActionForm({ initial, secret: ["smtpPassword"] });
  return (
    <form
      noValidate
      aria-label="邮件（SMTP）"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("save", () => action(form.values), { base: () => ({ ...form.values, smtpPassword: "", clearPassword: "false" }) });
      }}
    >
      <RadioGroup label="邮件发送" options={ENABLED_OPTIONS} hint="停用时不再生成新的邮件；站内通知不受影响" {...form.bind("smtpEnabled")} />
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <TextInput label="SMTP 服务器" placeholder="smtp.example.gov.cn" {...form.bind("smtpHost")} />
        <TextInput label="端口" inputMode="numeric" {...form.bind("smtpPort")} />
        <Select label="加密方式" options={SECURITY_OPTIONS} {...form.bind("smtpSecurity")} />
        <TextInput label="用户名" hint="服务器不要求登录时留空" autoComplete="off" {...form.bind("smtpUser")} />
        <TextInput
          label="密码"
          type="password"
          autoComplete="new-password"
          hint={settings.hasPassword ? "已保存密码（不显示）；留空则保持不变" : "尚未保存密码"}
          {...form.bind("smtpPassword")}
        />
        <TextInput label="发件人" placeholder="绩效管理 <jx@example.gov.cn>" {...form.bind("smtpSender")} />
      </div>
      {settings.hasPassword ? (
        <label className="inline-flex min-h-[40px] items-center gap-2">
          <input
            type="checkbox"
            checked={form.values.clearPassword === "true"}
            onChange={(e) => form.set("clearPassword", String(e.target.checked))}
            disabled={form.busy}
          />
          清除已保存的密码
        </label>
      ) : null}
      <TextInput
        label="系统访问地址"
        placeholder="https://jx.example.gov.cn"
        hint="邮件和群消息中的链接以此开头；不填则只给出页面路径"
        {...form.bind("publicUrl")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
          保存邮件设置
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
