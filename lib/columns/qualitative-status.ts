import type { QualitativeStatus as DbQualitativeStatus } from "@/lib/generated/prisma/enums";
import type { QualitativeStatus } from "@/lib/scoring";

/** A qualitative row's stored value ↔ the word the engine and the pages use (达成/部分达成/未达成). */
export const QUALITATIVE_LABEL: Readonly<Record<DbQualitativeStatus, QualitativeStatus>> = {
  ACHIEVED: "达成",
  PARTIAL: "部分达成",
  NOT_ACHIEVED: "未达成",
};
export const QUALITATIVE_FROM_LABEL: Readonly<Record<QualitativeStatus, DbQualitativeStatus>> = {
  达成: "ACHIEVED",
  部分达成: "PARTIAL",
  未达成: "NOT_ACHIEVED",
};
