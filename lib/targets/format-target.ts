import { isQuantitative, type Target } from "./types";

/** Canonical display form (`>=3项`, `有效推动`); the printed raw text stays the document's wording. */
export const formatTarget = (t: Target): string => (isQuantitative(t) ? `${t.op}${t.value}${t.unit}` : t.qualitative);
