import { wholeNumberOf } from "@/lib/input";

/** The period lock of a year: 0 (nothing locked) to 12 (the whole year). */
export const lockMonthSchema = wholeNumberOf("锁定月份应为 0–12", 0, 12);
