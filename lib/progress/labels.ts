import type { MeasureType, MonthStatus } from "@/lib/generated/prisma/enums";

/** The words of the in-year report (docs/ux.md), and the mapping between the stored enums and them. */

export { QUALITATIVE_FROM_LABEL, QUALITATIVE_LABEL } from "@/lib/columns/qualitative-status";
export { LIKELIHOOD_FROM_LABEL, LIKELIHOOD_LABEL, LIKELIHOOD_LABELS, type LikelihoodLabel } from "@/lib/columns/likelihood";

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
