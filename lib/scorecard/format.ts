import { Decimal, timeProgress } from "@/lib/scoring";

/** `58.33%（7/12）` (ux.md). */
export const formatTimeProgress = (month: number): string => `${timeProgress(month).times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%（${month}/12）`;
