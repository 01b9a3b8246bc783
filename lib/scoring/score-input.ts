import { buildSheets } from "./score-input-build";
import { checkScoreInput, type InputIssue } from "./score-input-checks";
import { locateIssue } from "./score-input-errors";
import { scoreInputSchema } from "./score-input-schema";
import { toOutputSheet, type ScoreOutput } from "./score-output";
import { scoreSheet } from "./sheet-score";
import type { ScoringOptions } from "./types";

export type ScoreInputResult = { ok: true; output: ScoreOutput } | { ok: false; errors: string[] };

/**
 * The `score` command as a function: JSON text (or an already parsed value) in, the output document or every
 * problem found out. Input is rejected as a whole: a partly scored file would be easy to mistake for a result.
 */
export function scoreInput(json: unknown, options?: ScoringOptions): ScoreInputResult {
  let raw = json;
  if (typeof json === "string") {
    try {
      raw = JSON.parse(json);
    } catch (e) {
      return { ok: false, errors: [`输入不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  const parsed = scoreInputSchema.safeParse(raw);
  const checks = checkScoreInput(raw);
  const issues: InputIssue[] = [...(parsed.success ? [] : parsed.error.issues), ...checks.issues];
  if (!parsed.success || issues.length > 0) {
    return { ok: false, errors: inDocumentOrder(issues).map((i) => locateIssue(raw, i.path, i.message)) };
  }
  const errors: string[] = [];
  const sheets = buildSheets(parsed.data, checks).flatMap((s, si) => {
    try {
      return [toOutputSheet(s.name, s.rowNames, scoreSheet(s.input, options))];
    } catch (e) {
      // The checks above refuse everything the engine refuses; this only keeps a missed case a clean error.
      if (!(e instanceof RangeError)) throw e;
      errors.push(locateIssue(raw, ["sheets", si], e.message));
      return [];
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, output: { sheets } };
}

/** Sheet by sheet, and within a sheet its own fields before its rows, row by row; stable otherwise. */
function inDocumentOrder(issues: InputIssue[]): InputIssue[] {
  const key = (p: readonly PropertyKey[]): [number, number] => [
    typeof p[1] === "number" ? p[1] : -1,
    p[2] === "indicators" && typeof p[3] === "number" ? p[3] : -1,
  ];
  return issues
    .map((issue, i) => ({ issue, i, k: key(issue.path) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.issue);
}
