import { Decimal } from "./decimal";
import type { Grade } from "./types";

const NINETY = new Decimal(90);
const EIGHTY = new Decimal(80);
const SIXTY = new Decimal(60);

/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (docs/scoring.md). */
export function gradeOf(total: Decimal): Grade {
  if (total.gte(NINETY)) return "优";
  if (total.gte(EIGHTY)) return "良";
  if (total.gte(SIXTY)) return "中";
  return "差";
}
