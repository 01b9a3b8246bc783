export type { Comparator, QuantitativeTarget, QualitativeTarget, Target } from "./types";
export { isQuantitative, isReverse } from "./types";
export { parseTarget, type ParseTargetResult } from "./parse-target";
export { normaliseTargetText, stripWhitespace } from "./normalise";
export { defaultMeasureType, type MeasureType } from "./measure-type";
export { describeTarget, formatTarget } from "./format-target";
export {
  allowsNegative,
  checkValue,
  NEGATIVE_ALLOWED_HINT,
  PERCENT_CONFIRM_ABOVE,
  TARGET_CONFIRM_FACTOR,
  type ValueCheck,
  type ValueSubject,
} from "./plausible-value";
