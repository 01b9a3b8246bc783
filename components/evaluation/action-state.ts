import type { Problem } from "@/lib/errors";

/**
 * What the evaluation's server actions answer: success with a sentence to show, or the refusal with every
 * problem (`path` names the field: `rows.<indicatorId>.<field>`, `executed`, `reason`), so the form can say what
 * to fix next to each field. The form keeps what was typed itself (controlled inputs), so nothing is echoed.
 */
export type EvaluationActionState = { ok: true; message: string } | { ok: false; error: string; problems: Problem[] };
