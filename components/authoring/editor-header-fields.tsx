"use client";

import { Field, controlClass } from "@/components/ui/field";
import type { ActionForm } from "@/components/ui/use-action-form";
import { HUNDRED } from "@/lib/scoring/decimal";
import type { EditorHeader } from "./editor-model";
import type { EditorChoices } from "./sheet-editor";
import { understoodAmount } from "./target-text";

const FUNDS = [
  ["fundsTotal", "年度预算总额（万元）"],
  ["fundsFiscal", "其中：财政拨款（万元）"],
  ["fundsOther", "其他资金（万元）"],
] as const;

/** 基本信息 of the draft editor: type, year and department (new sheets only), unit, name, lead, funds, goal. */
export function EditorHeaderFields({
  form,
  mode,
  header,
  choices,
  weights,
}: {
  form: ActionForm;
  mode: "create" | "edit";
  header: EditorHeader;
  choices: EditorChoices;
  weights: { total: string; complete: boolean };
}) {
  const units = choices.departments.find((d) => d.name === header.department)?.units ?? choices.departments[0]?.units ?? [];
  const department = header.kind === "department";
  const input = (path: keyof EditorHeader, extra = "") => ({
    value: form.value(path),
    disabled: form.busy,
    onChange: (e: { target: { value: string } }) => form.set(path, e.target.value),
    className: controlClass(form.error(path), extra),
  });
  const field = (path: keyof EditorHeader, label: string, wide = false) => ({
    id: form.fieldId(path),
    label,
    error: form.error(path),
    className: `space-y-1 ${wide ? "md:col-span-2" : ""}`,
  });
  const budgetHint =
    header.budgetExecutionWeight.trim() === ""
      ? `留空则为 100 − 指标分值合计${weights.complete ? `（现为 ${new Intl.NumberFormat("zh-CN").format(HUNDRED.minus(weights.total).toNumber())}）` : ""}`
      : undefined;
  return (
    <fieldset className="rounded border border-line bg-white p-3">
      <legend className="px-1 font-semibold">基本信息</legend>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        {mode === "create" ? (
          <>
            <Field {...field("kind", "类型")}>
              {(aria) => (
                <select {...aria} {...input("kind")}>
                  <option value="project">项目支出绩效目标表</option>
                  <option value="department">部门整体绩效目标表</option>
                </select>
              )}
            </Field>
            <Field {...field("year", "年度")}>{(aria) => <input {...aria} inputMode="numeric" {...input("year")} />}</Field>
            {choices.departments.length > 1 ? (
              <Field {...field("department", "部门")}>
                {(aria) => (
                  <select {...aria} {...input("department")}>
                    {choices.departments.map((d) => (
                      <option key={d.name}>{d.name}</option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
          </>
        ) : null}
        <Field {...field("unit", department ? "部门名称（预算单位）" : "预算单位", true)}>
          {(aria) =>
            choices.mayAddUnit ? (
              <>
                <input {...aria} list={`${aria.id}-list`} {...input("unit")} />
                <datalist id={`${aria.id}-list`}>
                  {units.map((u) => (
                    <option key={u} value={u} />
                  ))}
                </datalist>
              </>
            ) : (
              <select {...aria} {...input("unit")}>
                <option value="">（请选择）</option>
                {units.map((u) => (
                  <option key={u}>{u}</option>
                ))}
              </select>
            )
          }
        </Field>
        {department ? null : <Field {...field("name", "项目名称", true)}>{(aria) => <input {...aria} {...input("name")} />}</Field>}
        <Field {...field("lead", department ? "部门联系人" : "项目负责人")}>{(aria) => <input {...aria} {...input("lead")} />}</Field>
        {FUNDS.map(([path, label]) => {
          const shown = understoodAmount(header[path]);
          const blankTotal = path === "fundsTotal" && header.fundsTotal.trim() === "";
          return (
            <Field
              key={path}
              {...field(path, label)}
              error={form.error(path) ?? (shown.ok ? undefined : shown.text)}
              note={blankTotal ? "留空则为财政拨款 + 其他资金" : shown.text || undefined}
            >
              {(aria) => <input {...aria} inputMode="decimal" {...input(path, "text-right tabular-nums")} />}
            </Field>
          );
        })}
        <Field {...field("budgetExecutionWeight", "预算执行率分值")} hint={budgetHint}>
          {(aria) => <input {...aria} inputMode="decimal" {...input("budgetExecutionWeight", "text-right tabular-nums")} />}
        </Field>
        <div className="md:col-span-4">
          <Field {...field("goal", department ? "年度绩效目标" : "项目总体目标")}>{(aria) => <textarea {...aria} rows={3} {...input("goal")} />}</Field>
        </div>
      </div>
    </fieldset>
  );
}
