import { Decimal } from "./decimal";

// Target values repeat across rows ("100", "90", "3"), and parsing a string into a Decimal on every row is a
// measurable share of scoring 100,000 rows. Decimals are immutable, so sharing one instance is safe; the cache
// is bounded so a long-running server cannot grow it without limit.
const MAX_ENTRIES = 4096;
const cache = new Map<string, Decimal>();

/** The Decimal of a target's value string (`"3.5"`). */
export function targetValue(value: string): Decimal {
  let d = cache.get(value);
  if (d === undefined) {
    d = new Decimal(value);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(value, d);
  }
  return d;
}
