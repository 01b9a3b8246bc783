import type { EvaluationKind, EvaluationStatus, GradeBand } from "@/lib/generated/prisma/enums";
import type { Band } from "@/lib/scoring/types";

/** The words of the year-end evaluation (docs/ux.md), and the mapping between the stored enums and them. */

export const BAND_OF: Readonly<Record<GradeBand, Band>> = {
  ACHIEVED: "达成年度指标",
  PARTIAL: "部分达成年度指标并具有一定效果",
  NOT_ACHIEVED: "未达成年度指标且效果较差",
};

export const GRADE_BAND_OF: Readonly<Record<Band, GradeBand>> = {
  达成年度指标: "ACHIEVED",
  部分达成年度指标并具有一定效果: "PARTIAL",
  未达成年度指标且效果较差: "NOT_ACHIEVED",
};

export const KIND_LABEL: Readonly<Record<EvaluationKind, string>> = { SELF: "负责人自评", EVALUATOR: "年终评价" };

/** An evaluation that was never saved has no status of its own: 未开始. */
export type EvaluationState = EvaluationStatus | "NONE";

export const STATE_LABEL: Readonly<Record<EvaluationState, string>> = { NONE: "未开始", DRAFT: "评价中", FINAL: "已定稿" };
/** The lead's 自评: saved drafts until submitted (FINAL), which the evaluator's 定稿 waits for. */
export const SELF_STATE_LABEL: Readonly<Record<EvaluationState, string>> = { NONE: "未自评", DRAFT: "自评中（未提交）", FINAL: "已提交" };

export { formatDate, formatTimestamp } from "@/lib/beijing-time";
