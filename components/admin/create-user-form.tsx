"use client";

import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import { departmentOptions, roleOptions } from "./user-options";

/** 新建用户: username, name, role, department (for managers) and an initial password. */
export function CreateUserForm({ action, departments }: { action: Action; departments: { id: number; name: string }[] }) {
  const form = useActionForm({ initial: { username: "", displayName: "", role: "LEAD", department: "", password: "" }, secret: ["password"] });
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label="新建用户"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("create", () => action(form.values));
      }}
    >
      <div className="grid grid-cols-1 gap-3 md:grid-cols-5">
        <TextInput label="用户名" hint="3–32 个字母、数字或 _ . -" {...form.bind("username")} />
        <TextInput label="姓名" {...form.bind("displayName")} />
        <Select label="角色" options={roleOptions} {...form.bind("role")} />
        <Select label="部门" options={departmentOptions(departments)} hint="管理者须选择部门，才能查看该部门的绩效目标表" {...form.bind("department")} />
        <TextInput type="password" autoComplete="new-password" label="初始密码" hint="至少 10 个字符，须包含字母和数字" {...form.bind("password")} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "create"} pendingText="正在创建…">
          创建用户
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
