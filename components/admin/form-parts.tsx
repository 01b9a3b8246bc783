/**
 * Accessibility attributes tying an input to its error message and hint — kept for the sheet editor until
 * it moves onto the forms kit (components/ui/field.tsx does this for every form on the kit).
 */
export function describedBy(id: string, error: string | undefined, hint?: boolean) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}
