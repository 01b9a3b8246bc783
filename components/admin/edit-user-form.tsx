"use client";

import { Button } from "@/components/ui/button";
import { RadioGroup, Select, TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import type { Role } from "@/lib/generated/prisma/enums";
import { departmentOptions, roleOptions } from "./user-options";

export interface EditableUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  active: boolean;
}

const ACTIVE_OPTIONS = [
  { value: "true", label: "启用" },
  { value: "false", label: "停用（不能再登录）" },
];

/**
 * 基本信息: name, role, department, 启用/停用. On their own account an admin cannot change the role or
 * deactivate (the server refuses it too): those fields are shown but not sent.
 */
export function EditUserForm({
  action,
  user,
  departments,
  self,
}: {
  action: Action;
  user: EditableUser;
  departments: { id: number; name: string }[];
  self: boolean;
}) {
  const form = useActionForm({ initial: { displayName: user.displayName, role: user.role, department: user.department ?? "", active: String(user.active) } });
  function save() {
    const { role, active, ...rest } = form.values;
    const sent = self ? rest : form.values;
    void form.run("save", () => action({ id: String(user.id), ...sent }), { base: () => form.values });
  }
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label="基本信息"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <TextInput label="用户名" hint="用户名不可修改" value={user.username} onChange={() => undefined} readOnly disabled />
      <TextInput label="姓名" {...form.bind("displayName")} />
      <Select
        label="角色"
        options={roleOptions}
        hint={self ? "不能更改自己的角色" : "仍有分工时不能更改角色，请先在分工中移除"}
        {...form.bind("role")}
        disabled={form.busy || self}
      />
      <Select label="部门" options={departmentOptions(departments)} hint="管理者查看所选部门的全部绩效目标表" {...form.bind("department")} />
      <RadioGroup label="状态" options={ACTIVE_OPTIONS} hint={self ? "不能停用自己的账号" : undefined} {...form.bind("active")} disabled={form.busy || self} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
          保存
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
