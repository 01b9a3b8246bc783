import { parseDecimal } from "@/lib/numbers/parse-decimal";

/**
 * What a typed number was understood as (the server parses with the same lib/numbers/parse-decimal):
 * `识别为 1600.5 万元` for `１，６００.５`, the reason when it cannot be read, nothing when the text is
 * empty, unchanged since the last save, or already plain.
 */
export function understood(
  text: string,
  options: { allowPercent?: boolean; stored?: string; show?: (value: string) => string } = {},
): { ok: boolean; text: string } | null {
  const typed = text.trim();
  if (typed === "" || typed === (options.stored ?? "").trim()) return null;
  const parsed = parseDecimal(text, { allowPercent: options.allowPercent });
  if (!parsed.ok) return { ok: false, text: parsed.error };
  return parsed.value === typed ? null : { ok: true, text: `识别为 ${options.show ? options.show(parsed.value) : parsed.value}` };
}
