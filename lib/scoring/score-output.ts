import { fmt2 } from "./decimal";
import type { Grade, SheetScore } from "./types";

/** The `score` command's output (docs/formats.md); key order is part of the format. */
export interface ScoreOutput {
  sheets: ScoreOutputSheet[];
}

export interface ScoreOutputSheet {
  name: string;
  indicators: Array<{ name: string; max: string; score: string | null; status: "scored" | "pending" }>;
  budgetExecution: { max: string; rate: string | null; score: string | null };
  total: string;
  grade: Grade;
  complete: boolean;
}

export function toOutputSheet(name: string, rowNames: readonly string[], s: SheetScore): ScoreOutputSheet {
  return {
    name,
    indicators: s.rows.map((r, i) => ({
      name: rowNames[i] ?? "",
      max: fmt2(r.max),
      score: r.score === null ? null : fmt2(r.score),
      status: r.status,
    })),
    budgetExecution: {
      max: fmt2(s.budget.max),
      rate: s.budget.rate === null ? null : fmt2(s.budget.rate),
      score: s.budget.score === null ? null : fmt2(s.budget.score),
    },
    total: fmt2(s.total),
    grade: s.grade,
    complete: s.complete,
  };
}
