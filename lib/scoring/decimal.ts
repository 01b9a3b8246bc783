import Decimal from "decimal.js";

export { Decimal };

// Shared constants: scoring runs per row in hot loops, so these are allocated once.
export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const TWO = new Decimal(2);
export const TWELVE = new Decimal(12);
export const HUNDRED = new Decimal(100);

// decimal.js counts 0 as positive (isPos(0) is true) and -0 as negative; these say what the formulas mean.
export const isAboveZero = (d: Decimal): boolean => d.isPos() && !d.isZero();
export const isBelowZero = (d: Decimal): boolean => d.isNeg() && !d.isZero();

// The rounding mode is passed explicitly so a global Decimal.set() elsewhere cannot change a score.
// Most scores (full marks, graded points) already have ≤ 2 decimals; skipping the rounding call for them
// matters when 100,000 rows are scored at once.
export const round2 = (d: Decimal): Decimal => (d.decimalPlaces() <= 2 ? d : d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));

/** Two decimals, half-up: the form every score, rate and amount is shown and exported in. */
export function fmt2(d: Decimal): string {
  if (d.decimalPlaces() > 2) return d.toFixed(2, Decimal.ROUND_HALF_UP);
  // Padding the plain form by hand is ~25× cheaper than toFixed(2) and gives the same string.
  const s = d.toFixed();
  const dot = s.indexOf(".");
  if (dot < 0) return `${s}.00`;
  return dot === s.length - 2 ? `${s}0` : s;
}

/** A value as the user typed it (no exponent notation, no padding): `5`, `3.5`, `-2`. */
export const fmtPlain = (d: Decimal): string => d.toFixed();
