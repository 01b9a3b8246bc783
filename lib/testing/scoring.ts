import { parseTarget } from "@/lib/targets/parse-target";
import type { Target } from "@/lib/targets/types";
import { Decimal } from "@/lib/scoring/decimal";

/** Test shorthand: a Decimal from a string literal. */
export const d = (s: string | number): Decimal => new Decimal(s);

/** Test shorthand: a target from its printed form; throws on a parse error so a typo fails loudly. */
export function t(raw: string): Target {
  const r = parseTarget(raw);
  if (!r.ok) throw new Error(r.error);
  return r.target;
}

/** Decimal → 2-decimal string, or null, so expectations read like the output format. */
export const s2 = (v: Decimal | null): string | null => (v === null ? null : v.toFixed(2));
