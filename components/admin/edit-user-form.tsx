"use client";

import type { Role } from "@/lib/generated/prisma/enums";
import { fieldError, fieldsKey, typed, type FormAction } from "./action-state";
import { describedBy, Field, FormMessage, inputClass, SubmitButton, useActionForm } from "./form-parts";
import { DepartmentOptions, RoleOptions } from "./user-options";

export interface EditableUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  active: boolean;
}

/**
 * 基本信息: name, role, department, 启用/停用. On their own account an admin cannot change the role or
 * deactivate (the server refuses it too): those fields are shown but not sent.
 */
export function EditUserForm({ action, user, departments, self }: { action: FormAction; user: EditableUser; departments: { id: number; name: string }[]; self: boolean }) {
  const { state, formAction, hydrated, formRef, f } = useActionForm(action);
  const active = typed(state, "active", String(user.active));
  return (
    <form key={fieldsKey(state)} ref={formRef} action={formAction} noValidate className="space-y-3" aria-label="基本信息">
      <input type="hidden" name="id" value={user.id} />
      <Field id={f("username")} label="用户名" hint="用户名不可修改">
        <input value={user.username} readOnly disabled className={inputClass} {...describedBy(f("username"), undefined, true)} />
      </Field>
      <Field id={f("displayName")} label="姓名" error={fieldError(state, "displayName")}>
        <input name="displayName" autoComplete="off" defaultValue={typed(state, "displayName", user.displayName)} className={inputClass} {...describedBy(f("displayName"), fieldError(state, "displayName"))} />
      </Field>
      <Field id={f("role")} label="角色" error={fieldError(state, "role")} hint={self ? "不能更改自己的角色" : "仍有分工时不能更改角色，请先在分工中移除"}>
        <select name="role" disabled={self} defaultValue={typed(state, "role", user.role)} className={inputClass} {...describedBy(f("role"), fieldError(state, "role"), true)}>
          <RoleOptions />
        </select>
      </Field>
      <Field id={f("department")} label="部门" error={fieldError(state, "department")} hint="管理者查看所选部门的全部绩效目标表">
        <select name="department" defaultValue={typed(state, "department", user.department ?? "")} className={inputClass} {...describedBy(f("department"), fieldError(state, "department"), true)}>
          <DepartmentOptions departments={departments} />
        </select>
      </Field>
      <fieldset className="space-y-1" aria-describedby={fieldError(state, "active") ? f("active-error") : self ? f("active-hint") : undefined}>
        <legend className="font-medium">状态</legend>
        <div className="flex gap-4">
          {[
            { value: "true", label: "启用" },
            { value: "false", label: "停用（不能再登录）" },
          ].map((o) => (
            <label key={o.value} className="inline-flex items-center gap-1">
              <input type="radio" name="active" value={o.value} defaultChecked={active === o.value} disabled={self} />
              {o.label}
            </label>
          ))}
        </div>
        {self ? (
          <p id={f("active-hint")} className="text-xs text-muted">
            不能停用自己的账号
          </p>
        ) : null}
        {fieldError(state, "active") ? (
          <p id={f("active-error")} className="text-sm text-red-700">
            {fieldError(state, "active")}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton hydrated={hydrated} pendingText="正在保存…">
          保存
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
