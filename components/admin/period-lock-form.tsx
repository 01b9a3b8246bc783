"use client";

import { fieldError, fieldsKey, typed, type FormAction } from "./action-state";
import { describedBy, Field, FormMessage, inputClass, SubmitButton, useActionForm } from "./form-parts";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const textareaClass = inputClass.replace("h-8 ", "");

/**
 * 期间锁定: lock months 1…N of a year for every sheet, or move the lock back (0 unlocks the year) with a
 * reason. The server says whether the move is a lock or an unlock and requires the reason for the latter.
 */
export function PeriodLockForm({ action, years }: { action: FormAction; years: { year: number; lockText: string }[] }) {
  const { state, formAction, hydrated, formRef, f } = useActionForm(action);
  return (
    <form key={fieldsKey(state)} ref={formRef} action={formAction} noValidate className="space-y-3" aria-label="期间锁定">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <Field id={f("year")} label="年度" error={fieldError(state, "year")}>
          <select name="year" defaultValue={typed(state, "year", String(years[0]?.year ?? ""))} className={inputClass} {...describedBy(f("year"), fieldError(state, "year"))}>
            {years.map((y) => (
              <option key={y.year} value={y.year}>
                {y.year}年（{y.lockText}）
              </option>
            ))}
          </select>
        </Field>
        <Field id={f("throughMonth")} label="锁定至" error={fieldError(state, "throughMonth")} hint="所选月份及之前的月份全部锁定">
          <select name="throughMonth" defaultValue={typed(state, "throughMonth")} className={inputClass} {...describedBy(f("throughMonth"), fieldError(state, "throughMonth"), true)}>
            <option value="">请选择</option>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {m === 12 ? "12月（全年）" : `${m}月`}
              </option>
            ))}
            <option value="0">不锁定（全部解锁）</option>
          </select>
        </Field>
        <div className="md:col-span-2">
          <Field id={f("reason")} label="原因" error={fieldError(state, "reason")} hint="解除锁定（把锁定月份往回调）时必填，记入操作日志">
            <textarea name="reason" rows={2} defaultValue={typed(state, "reason")} className={textareaClass} {...describedBy(f("reason"), fieldError(state, "reason"), true)} />
          </Field>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton hydrated={hydrated} pendingText="正在保存…">
          保存锁定
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
