"use client";

import { fieldError, fieldsKey, typed, type FormAction } from "./action-state";
import { describedBy, Field, FormMessage, inputClass, SubmitButton, useActionForm } from "./form-parts";
import { DepartmentOptions, RoleOptions } from "./user-options";

/** 新建用户: username, name, role, department (for managers) and an initial password. */
export function CreateUserForm({ action, departments }: { action: FormAction; departments: { id: number; name: string }[] }) {
  const { state, formAction, hydrated, formRef, f } = useActionForm(action);
  return (
    <form key={fieldsKey(state)} ref={formRef} action={formAction} noValidate className="space-y-3" aria-label="新建用户">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-5">
        <Field id={f("username")} label="用户名" error={fieldError(state, "username")} hint="3–32 个字母、数字或 _ . -">
          <input name="username" autoComplete="off" defaultValue={typed(state, "username")} className={inputClass} {...describedBy(f("username"), fieldError(state, "username"), true)} />
        </Field>
        <Field id={f("displayName")} label="姓名" error={fieldError(state, "displayName")}>
          <input name="displayName" autoComplete="off" defaultValue={typed(state, "displayName")} className={inputClass} {...describedBy(f("displayName"), fieldError(state, "displayName"))} />
        </Field>
        <Field id={f("role")} label="角色" error={fieldError(state, "role")}>
          <select name="role" defaultValue={typed(state, "role", "LEAD")} className={inputClass} {...describedBy(f("role"), fieldError(state, "role"))}>
            <RoleOptions />
          </select>
        </Field>
        <Field id={f("department")} label="部门" error={fieldError(state, "department")} hint="管理者须选择部门，才能查看该部门的绩效目标表">
          <select name="department" defaultValue={typed(state, "department")} className={inputClass} {...describedBy(f("department"), fieldError(state, "department"), true)}>
            <DepartmentOptions departments={departments} />
          </select>
        </Field>
        <Field id={f("password")} label="初始密码" error={fieldError(state, "password")} hint="至少 10 个字符，须包含字母和数字">
          <input name="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy(f("password"), fieldError(state, "password"), true)} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton hydrated={hydrated} pendingText="正在创建…">
          创建用户
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
