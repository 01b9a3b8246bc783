import { parseDecimal } from "@/lib/numbers/parse-decimal";
import { isQuantitative, isReverse, parseTarget } from "@/lib/targets";
import { formatAmount } from "@/components/ui/format";

const OP_WORD: Record<string, string> = { ">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<" };

/**
 * What was understood of a typed 指标值, shown beside the input before saving:
 * `≥ 9 项（正向，定量）`, `定性：有效推动`, or why it cannot be read.
 */
export function understoodTarget(raw: string): { ok: boolean; text: string } {
  if (!raw.trim()) return { ok: false, text: "请填写指标值，如 ＞=9项、＜=5%、有效推动" };
  const parsed = parseTarget(raw);
  if (!parsed.ok) return { ok: false, text: parsed.error };
  const t = parsed.target;
  if (!isQuantitative(t)) return { ok: true, text: `定性：${t.qualitative}` };
  return { ok: true, text: `${OP_WORD[t.op]} ${t.value}${t.unit ? ` ${t.unit}` : ""}（${isReverse(t.op) ? "反向" : "正向"}）` };
}

/** `1,200.00 万元`, or why the typed amount is not one; "" for a blank field. */
export function understoodAmount(raw: string): { ok: boolean; text: string } {
  if (!raw.trim()) return { ok: true, text: "" };
  const parsed = parseDecimal(raw);
  return parsed.ok ? { ok: true, text: `即 ${formatAmount(parsed.value)} 万元` } : { ok: false, text: parsed.error };
}
