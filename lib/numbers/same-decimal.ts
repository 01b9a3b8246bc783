import Decimal from "decimal.js";

/** A stored or typed decimal: a decimal.js or Prisma Decimal, or its canonical string. */
export type DecimalLike = string | { toString(): string };

/** Equal as numbers (`"1.50"` = `1.5`); null equals only null. Tells a changed value from a re-typed one. */
export const sameDecimal = (a: DecimalLike | null, b: DecimalLike | null): boolean =>
  a === null || b === null ? a === b : new Decimal(a.toString()).eq(b.toString());
