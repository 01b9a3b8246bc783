import type { ButtonHTMLAttributes } from "react";

const TONE = {
  primary: "bg-brand text-white hover:bg-brand-dark border border-brand",
  secondary: "border border-brand bg-white text-brand hover:bg-brand/5",
  plain: "border border-line bg-white text-ink hover:border-brand",
  approve: "border border-green-700 bg-green-700 text-white hover:bg-green-800",
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
} as const;

/**
 * A button of the forms kit: at least 40 px high (a finger's touch target; `compact` only on wide
 * screens, inside dense tables), `type="button"` unless said otherwise, the pending text while its
 * action runs.
 */
export function Button({
  tone = "primary",
  compact = false,
  pending = false,
  pendingText,
  className = "",
  type = "button",
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: keyof typeof TONE; compact?: boolean; pending?: boolean; pendingText?: string }) {
  const size = compact ? "min-h-[40px] px-2 py-0.5 md:min-h-0" : "min-h-[40px] px-4 py-1.5";
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center rounded font-medium disabled:opacity-50 ${size} ${TONE[tone]} ${className}`}
      {...rest}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
