import type { Action } from "@/lib/action-result";
import type { ProgressView } from "@/lib/progress/progress-view";

/** What the progress page's actions answer on success: the page's new state and the save's reminders. */
export interface ProgressOutcome {
  state: ProgressView;
  warnings: string[];
}

/** The server actions the form calls (passed in by the page, so components never import app/). */
export interface ProgressActions {
  save: Action<ProgressOutcome>;
  submit: Action<ProgressOutcome>;
  review: Action<ProgressOutcome>;
  reopen: Action<ProgressOutcome>;
  adjustBudget: Action<ProgressOutcome>;
  setMeasureType: Action<ProgressOutcome>;
}
