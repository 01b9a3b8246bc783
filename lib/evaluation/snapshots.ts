import type { EvaluationKind, EvaluationStatus, GradeBand } from "@/lib/generated/prisma/enums";

/** What the audit log keeps of each evaluation record (before/after); every snapshot names its sheet. */

type Dec = { toString(): string } | null;
const str = (d: Dec): string | null => (d === null ? null : d.toString());

export interface EvaluationSnapshot {
  sheetId: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  executed: string | null;
  total: string | null;
  grade: string | null;
  reopenReason: string;
  earlyFinaliseReason: string;
  version: number;
}

export function evaluationSnapshot(e: {
  sheetId: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  executed: Dec;
  total: Dec;
  grade: string | null;
  reopenReason: string;
  earlyFinaliseReason: string;
  version: number;
}): EvaluationSnapshot {
  return {
    sheetId: e.sheetId,
    kind: e.kind,
    status: e.status,
    executed: str(e.executed),
    total: str(e.total),
    grade: e.grade,
    reopenReason: e.reopenReason,
    earlyFinaliseReason: e.earlyFinaliseReason,
    version: e.version,
  };
}

export interface RowSnapshot {
  sheetId: number;
  kind: EvaluationKind;
  evaluationId: number;
  indicatorId: number;
  indicator: string;
  actual: string | null;
  band: GradeBand | null;
  gradeScore: string | null;
  deductionPoints: string | null;
  deductionReason: string;
  deviationReason: string;
  version: number;
}

export function rowSnapshot(
  sheetId: number,
  kind: EvaluationKind,
  indicator: { id: number; name: string },
  r: {
    evaluationId: number;
    actual: Dec;
    band: GradeBand | null;
    gradeScore: Dec;
    deductionPoints: Dec;
    deductionReason: string;
    deviationReason: string;
    version: number;
  },
): RowSnapshot {
  return {
    sheetId,
    kind,
    evaluationId: r.evaluationId,
    indicatorId: indicator.id,
    indicator: indicator.name,
    actual: str(r.actual),
    band: r.band,
    gradeScore: str(r.gradeScore),
    deductionPoints: str(r.deductionPoints),
    deductionReason: r.deductionReason,
    deviationReason: r.deviationReason,
    version: r.version,
  };
}
