"use client";

import { controlClass, Field } from "./field";
import { understood } from "./understood";

/**
 * A number field: full-width digits and thousands separators are accepted (`１，６００.５`) and the field
 * says what it understood (`识别为 1600.5 万元`) or why it cannot read it, before anything is sent.
 */
export function NumberInput(p: {
  id?: string;
  label: string;
  hideLabel?: boolean;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  /** The saved value: what it was understood as is said only for what was typed since. */
  stored?: string;
  allowPercent?: boolean;
  /** How an understood value is shown (`v => v + " 万元"`). */
  show?: (value: string) => string;
  suffix?: string;
  placeholder?: string;
  className?: string;
}) {
  const preview = understood(p.value, { allowPercent: p.allowPercent, stored: p.stored, show: p.show });
  const error = p.error ?? (preview && !preview.ok ? preview.text : undefined);
  return (
    <Field id={p.id} label={p.label} hideLabel={p.hideLabel} hint={p.hint} error={error} note={preview?.ok ? preview.text : undefined} className={p.className}>
      {(aria) => (
        <div className="flex items-center gap-1">
          <input
            {...aria}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={p.value}
            placeholder={p.placeholder}
            disabled={p.disabled}
            onChange={(e) => p.onChange(e.target.value)}
            className={controlClass(error, "text-right tabular-nums")}
          />
          {p.suffix ? <span className="shrink-0 text-xs text-muted">{p.suffix}</span> : null}
        </div>
      )}
    </Field>
  );
}
