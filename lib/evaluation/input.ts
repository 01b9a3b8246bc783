import { z } from "zod";

/** Shared pieces of the evaluation use cases' input schemas. */
export const idSchema = z.number({ error: "编号应为正整数" }).int("编号应为正整数").positive("编号应为正整数").max(2_147_483_647, "编号应为正整数");
/** The evaluation's version the user started from; 0 when it had never been saved. */
export const versionSchema = z.number({ error: "版本号无效" }).int("版本号无效").min(0, "版本号无效").max(2_147_483_647, "版本号无效");
/** A number as typed (full-width digits and `1,600` accepted; parsed by the use case). */
export const typedNumber = z.string({ error: "应为文本" }).max(100, "内容过长").default("");
export const textSchema = (max: number, label: string) => z.string({ error: `${label}应为文本` }).max(max, `${label}不能超过 ${max} 个字`);
