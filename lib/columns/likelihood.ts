import type { Likelihood } from "@/lib/generated/prisma/enums";

/** 完成目标可能性: the stored value ↔ the word the pages and the progress workbook use. */
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
