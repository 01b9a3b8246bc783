"use client";

import { Button } from "@/components/ui/button";
import { RadioGroup, Select, TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";

export interface RobotRow {
  departmentId: number;
  departmentName: string;
  robot: { platform: "WECOM" | "DINGTALK" | "FEISHU"; maskedUrl: string; hasSecret: boolean; enabled: boolean } | null;
}

const PLATFORM_OPTIONS = [
  { value: "WECOM", label: "企业微信" },
  { value: "DINGTALK", label: "钉钉" },
  { value: "FEISHU", label: "飞书" },
];

const ENABLED_OPTIONS = [
  { value: "true", label: "启用" },
  { value: "false", label: "暂停" },
];

/**
 * One department's group robot: platform, webhook address and signing secret (钉钉 加签, 飞书 签名校验). The address
 * carries the robot's token and the secret signs: both are stored and never shown again (blank keeps them).
 */
export function RobotForm({ row, save, remove }: { row: RobotRow; save: Action; remove: Action }) {
  const robot = row.robot;
  const form = useActionForm({
    initial: { platform: robot?.platform ?? "WECOM", webhookUrl: "", secret: "", clearSecret: "false", enabled: String(robot?.enabled ?? true) },
    secret: ["webhookUrl", "secret"],
  });
  const send = () => save({ departmentId: String(row.departmentId), ...form.values });
  const reset = () => ({ ...form.values, webhookUrl: "", secret: "", clearSecret: "false" });
  return (
    <form
      noValidate
      aria-label={`${row.departmentName}群机器人`}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("save", send, { base: reset });
      }}
    >
      <p className="text-xs text-muted">
        {robot
          ? `当前：${PLATFORM_OPTIONS.find((p) => p.value === robot.platform)?.label}，${robot.maskedUrl}${robot.hasSecret ? "，已设签名密钥" : ""}${robot.enabled ? "" : "（已暂停）"}`
          : "尚未设置群机器人"}
      </p>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Select label="平台" options={PLATFORM_OPTIONS} {...form.bind("platform")} />
        <TextInput
          label="Webhook 地址"
          placeholder="https://oapi.dingtalk.com/robot/send?access_token=…"
          hint={robot ? "已保存（不显示完整地址）；留空则保持不变" : "从群机器人设置中复制"}
          {...form.bind("webhookUrl")}
        />
        <TextInput
          label="签名密钥"
          type="password"
          autoComplete="new-password"
          hint={
            form.values.platform === "WECOM"
              ? "企业微信不需要"
              : robot?.hasSecret
                ? "已保存（不显示）；留空则保持不变"
                : "钉钉「加签」/ 飞书「签名校验」的密钥，未开启则留空"
          }
          {...form.bind("secret")}
          disabled={form.busy || form.values.platform === "WECOM"}
        />
      </div>
      <RadioGroup label="状态" options={ENABLED_OPTIONS} {...form.bind("enabled")} />
      {robot?.hasSecret && form.values.platform !== "WECOM" ? (
        <label className="inline-flex min-h-[40px] items-center gap-2">
          <input
            type="checkbox"
            checked={form.values.clearSecret === "true"}
            disabled={form.busy}
            onChange={(e) => form.set("clearSecret", String(e.target.checked))}
          />
          清除已保存的签名密钥
        </label>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
          保存
        </Button>
        {robot ? (
          <Button
            tone="danger"
            disabled={form.busy}
            onClick={async () => {
              const yes = await form.confirm({ title: "删除群机器人", body: `不再向「${row.departmentName}」的群发送消息？`, confirm: "删除", tone: "danger" });
              if (yes) void form.run("remove", () => remove({ departmentId: String(row.departmentId) }), { base: reset });
            }}
          >
            删除
          </Button>
        ) : null}
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
