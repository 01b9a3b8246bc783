import type { AppErrorCode, Problem } from "@/lib/errors";
import type { ProgressView } from "@/lib/progress/progress-view";

/**
 * What the progress page's server actions answer: the page's new state (rows, lights, projected score), or a
 * refusal with its message and every problem (`path` names the field: `executed`, `indicators.12.value`,
 * `rows.0.value`, `comment` …).
 */
export type ProgressActionResult =
  | { ok: true; state: ProgressView; message: string; warnings: string[] }
  | { ok: false; code: AppErrorCode | "ERROR"; error: string; problems: Problem[] };
