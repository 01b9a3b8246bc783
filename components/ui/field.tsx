"use client";

import { type ReactNode, useId } from "react";

/** The ARIA a field's control needs: its id, invalid state, and the ids of its hint and message. */
export interface FieldAria {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-label"?: string;
}

export const controlClass = (error: string | undefined, extra = "") =>
  `w-full min-w-0 rounded border bg-white px-2 py-1 min-h-[40px] md:min-h-8 focus:border-brand disabled:bg-head disabled:text-muted ${error ? "border-red-600" : "border-line"} ${extra}`;

/**
 * A labelled field: label (visible, or for dense tables only for assistive technology), the control,
 * a hint and the message that says what to fix, tied to the control by `aria-describedby`.
 * `children` gets the ARIA props for the control.
 */
export function Field({
  id: given,
  label,
  hideLabel = false,
  hint,
  error,
  note,
  children,
  className,
}: {
  id?: string;
  label: string;
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: string;
  /** A neutral remark after the control (e.g. what a number was understood as). */
  note?: ReactNode;
  children: (aria: FieldAria) => ReactNode;
  className?: string;
}) {
  const own = useId();
  const id = given ?? own;
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null, note && !error ? `${id}-note` : null].filter(Boolean).join(" ");
  const aria: FieldAria = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
    ...(hideLabel ? { "aria-label": label } : {}),
  };
  return (
    <div className={className ?? "space-y-1 text-left"}>
      {hideLabel ? null : (
        <label htmlFor={id} className="block font-medium">
          {label}
        </label>
      )}
      {children(aria)}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="whitespace-normal text-xs text-red-700">
          {error}
        </p>
      ) : note ? (
        <p id={`${id}-note`} className="whitespace-normal text-xs text-muted">
          {note}
        </p>
      ) : null}
    </div>
  );
}

interface Bound {
  id?: string;
  label: string;
  hideLabel?: boolean;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  className?: string;
}

/** A one-line text (or password) field. */
export function TextInput({
  type = "text",
  autoComplete = "off",
  inputMode,
  placeholder,
  readOnly,
  ...p
}: Bound & { type?: "text" | "password"; autoComplete?: string; inputMode?: "numeric" | "text"; placeholder?: string; readOnly?: boolean }) {
  return (
    <Field id={p.id} label={p.label} hideLabel={p.hideLabel} hint={p.hint} error={p.error} className={p.className}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          placeholder={placeholder}
          readOnly={readOnly}
          value={p.value}
          disabled={p.disabled}
          onChange={(e) => p.onChange(e.target.value)}
          className={controlClass(p.error)}
        />
      )}
    </Field>
  );
}

export type Option = { value: string; label: string; disabled?: boolean };

/** A choice from a list; `placeholder` adds an empty first option. */
export function Select({ options, placeholder, ...p }: Bound & { options: readonly Option[]; placeholder?: string }) {
  return (
    <Field id={p.id} label={p.label} hideLabel={p.hideLabel} hint={p.hint} error={p.error} className={p.className}>
      {(aria) => (
        <select {...aria} value={p.value} disabled={p.disabled} onChange={(e) => p.onChange(e.target.value)} className={controlClass(p.error)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Several lines of text; a `warning` (amber) says what is still needed without refusing. */
export function TextArea({ rows = 2, maxLength = 2000, warning, ...p }: Bound & { rows?: number; maxLength?: number; warning?: string }) {
  return (
    <Field
      id={p.id}
      label={p.label}
      hideLabel={p.hideLabel}
      hint={p.hint}
      error={p.error}
      note={warning ? <span className="text-amber-800">{warning}</span> : undefined}
      className={p.className}
    >
      {(aria) => (
        <textarea
          {...aria}
          rows={rows}
          maxLength={maxLength}
          value={p.value}
          disabled={p.disabled}
          onChange={(e) => p.onChange(e.target.value)}
          className={controlClass(p.error, !p.error && warning ? "!border-amber-500" : "")}
        />
      )}
    </Field>
  );
}

/** Choices shown side by side (e.g. 启用 / 停用). */
export function RadioGroup({ options, ...p }: Bound & { options: readonly Option[] }) {
  const own = useId();
  const id = p.id ?? own;
  return (
    <fieldset className="space-y-1" aria-describedby={[p.error ? `${id}-error` : null, p.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined}>
      <legend className="font-medium">{p.label}</legend>
      <div className="flex flex-wrap gap-4">
        {options.map((o) => (
          <label key={o.value} className="inline-flex min-h-[40px] items-center gap-1 md:min-h-0">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={p.value === o.value}
              disabled={p.disabled || o.disabled}
              onChange={() => p.onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {p.hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {p.error}
        </p>
      ) : null}
    </fieldset>
  );
}
