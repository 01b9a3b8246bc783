import { isQuantitative, isReverse, type Target } from "./types";

/** Canonical display form (`>=3项`, `有效推动`); the printed raw text stays the document's wording. */
export const formatTarget = (t: Target): string => (isQuantitative(t) ? `${t.op}${t.value}${t.unit}` : t.qualitative);

/** How the target was understood, as the pages explain it: `>= 3 项（正向）` or `定性`. */
export function describeTarget(target: Target): string {
  if (!isQuantitative(target)) return "定性";
  return `${target.op} ${target.value}${target.unit ? ` ${target.unit}` : ""}（${isReverse(target.op) ? "反向" : "正向"}）`;
}
