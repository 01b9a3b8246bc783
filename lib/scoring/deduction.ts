import { type Decimal, fmt2, round2, isBelowZero } from "./decimal";

export type DeductionCheck = { ok: true; points: Decimal; reason: string } | { ok: false; error: string };

/** A deduction needs non-negative points and a reason: it is an evaluator's judgement that must be justified. */
export function validateDeduction(d: { points: Decimal; reason: string | null | undefined }): DeductionCheck {
  if (isBelowZero(d.points)) return { ok: false, error: `扣分 ${fmt2(d.points)} 不能为负数` };
  const reason = (d.reason ?? "").trim();
  if (reason === "") return { ok: false, error: "扣分必须填写原因" };
  return { ok: true, points: round2(d.points), reason };
}
