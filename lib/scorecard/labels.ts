import type { QualitativeStatus as DbQualitativeStatus, WarningLight } from "@/lib/generated/prisma/enums";
import { LIGHT_LABELS, PENDING_LIGHT_LABEL, type Light, type QualitativeStatus } from "@/lib/scoring";

/** The stored light ↔ the engine's light. */
export const LIGHT_TO_DB: Readonly<Record<Light, WarningLight>> = { red: "RED", yellow: "YELLOW", green: "GREEN", blue: "BLUE" };
export const LIGHT_FROM_DB: Readonly<Record<WarningLight, Light>> = { RED: "red", YELLOW: "yellow", GREEN: "green", BLUE: "blue" };

/** Bad to good, as the scorecard lists lights. */
export const LIGHTS_BY_SEVERITY: readonly Light[] = ["red", "yellow", "blue", "green"];

/** Short names for cards, charts and filters; a light is always shown with its text (ux.md). */
export const LIGHT_SHORT: Readonly<Record<Light, string>> = { red: "红灯", yellow: "黄灯", green: "绿灯", blue: "蓝灯" };

export const lightLabel = (light: Light | null): string => (light ? LIGHT_LABELS[light] : PENDING_LIGHT_LABEL);

export const QUALITATIVE_FROM_DB: Readonly<Record<DbQualitativeStatus, QualitativeStatus>> = {
  ACHIEVED: "达成",
  PARTIAL: "部分达成",
  NOT_ACHIEVED: "未达成",
};

export const GRADES = ["优", "良", "中", "差"] as const;
export type GradeLabel = (typeof GRADES)[number];

export const monthLabel = (year: number, month: number): string => `${year}年${month}月`;
