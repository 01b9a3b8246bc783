/** Comparators after normalisation (docs/roles.md). */
export type Comparator = ">=" | ">" | "=" | "<=" | "<";

/** A quantitative target: comparator + decimal string + unit (unit may be ""). */
export interface QuantitativeTarget {
  op: Comparator;
  value: string;
  unit: string;
}

/** Anything that is not comparator + number (+ unit). */
export interface QualitativeTarget {
  qualitative: string;
}

export type Target = QuantitativeTarget | QualitativeTarget;

export const isQuantitative = (t: Target): t is QuantitativeTarget => "op" in t;

/** `>=`, `>`, `=` are positive (正向); `<=`, `<` are reverse (反向). */
export const isReverse = (op: Comparator): boolean => op === "<=" || op === "<";
