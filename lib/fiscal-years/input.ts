import { z } from "zod";
import { asciiDigits } from "@/lib/numbers/ascii-digits";

/** Shared pieces of the fiscal-year use cases' input schemas; they accept numbers and form fields alike. */

/** A form sends text: `"7"` → 7; a blank field stays blank, so it is refused instead of read as 0. */
const fromForm = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(asciiDigits(value.trim())) : value);

export const yearSchema = z.preprocess(
  fromForm,
  z.number({ error: "请选择或填写年度" }).int("年度应为整数").min(2000, "年度应在 2000–2099 之间").max(2099, "年度应在 2000–2099 之间"),
);

/** 0 (nothing locked) to 12 (the whole year). */
export const lockMonthSchema = z.preprocess(
  fromForm,
  z.number({ error: "请选择锁定至哪个月" }).int("锁定月份应为 0–12").min(0, "锁定月份应为 0–12").max(12, "锁定月份应为 0–12"),
);
