import type { WarningLight } from "@/lib/generated/prisma/enums";
import { type Grade, LIGHT_LABELS, PENDING_LIGHT_LABEL, type Light } from "@/lib/scoring";

/** The stored light ↔ the engine's light. */
export const LIGHT_TO_DB: Readonly<Record<Light, WarningLight>> = { red: "RED", yellow: "YELLOW", green: "GREEN", blue: "BLUE" };
export const LIGHT_FROM_DB: Readonly<Record<WarningLight, Light>> = { RED: "red", YELLOW: "yellow", GREEN: "green", BLUE: "blue" };

/** Short names for cards, charts and filters; a light is always shown with its text (docs/ux.md). */
export const LIGHT_SHORT: Readonly<Record<Light, string>> = { red: "红灯", yellow: "黄灯", green: "绿灯", blue: "蓝灯" };

export const lightLabel = (light: Light | null): string => (light ? LIGHT_LABELS[light] : PENDING_LIGHT_LABEL);

export const GRADES = ["优", "良", "中", "差"] as const satisfies readonly Grade[];
