import type { Likelihood, MeasureType, MonthStatus } from "@/lib/generated/prisma/enums";

/** The words of the in-year report (docs/ux.md), and the mapping between the stored enums and them. */

export { QUALITATIVE_FROM_LABEL, QUALITATIVE_LABEL } from "@/lib/columns/qualitative-status";

export const LIKELIHOOD_LABELS = ["确定能", "有可能", "完全不可能"] as const;
export type LikelihoodLabel = (typeof LIKELIHOOD_LABELS)[number];
export const LIKELIHOOD_LABEL: Readonly<Record<Likelihood, LikelihoodLabel>> = {
  CERTAIN: "确定能",
  POSSIBLE: "有可能",
  IMPOSSIBLE: "完全不可能",
};
export const LIKELIHOOD_FROM_LABEL: Readonly<Record<LikelihoodLabel, Likelihood>> = {
  确定能: "CERTAIN",
  有可能: "POSSIBLE",
  完全不可能: "IMPOSSIBLE",
};

export const MEASURE_TYPE_LABEL: Readonly<Record<MeasureType, string>> = { CUMULATIVE: "累计值", LEVEL: "当期水平" };

export const MONTH_STATUS_LABEL: Readonly<Record<MonthStatus, string>> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交",
  APPROVED: "已通过",
  RETURNED: "已退回",
};
/** A month nothing has been entered for yet. */
export const NOT_STARTED_LABEL = "未填报";

/** A lead may not change a month once it is submitted (until returned) or approved (until reopened). */
export const isLockedStatus = (status: MonthStatus): boolean => status === "SUBMITTED" || status === "APPROVED";

export const monthLabel = (year: number, month: number): string => `${year}年${month}月`;

export { formatTimestamp } from "@/lib/beijing-time";
