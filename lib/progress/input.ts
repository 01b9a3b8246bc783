import { z } from "zod";

export { parseInput } from "@/lib/parse-input";

/** Shared pieces of the progress use cases' input schemas. */
export const idSchema = z.number({ error: "编号应为正整数" }).int("编号应为正整数").positive("编号应为正整数").max(2_147_483_647, "编号超出范围");
export const monthSchema = z.number({ error: "月份应为 1–12" }).int("月份应为 1–12").min(1, "月份应为 1–12").max(12, "月份应为 1–12");
export const versionSchema = z.number({ error: "版本号无效" }).int("版本号无效").min(0, "版本号无效").max(2_147_483_647, "版本号无效");
/** Free text of a form field: trimmed, bounded. */
export const textSchema = (max: number) => z.string({ error: "应为文字" }).trim().max(max, `不能超过 ${max} 个字`);
