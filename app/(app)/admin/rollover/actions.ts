"use server";

import { runAction } from "@/app/_lib/action";
import { rolloverYear, rolloverYearSchema } from "@/lib/authoring/rollover-year";

/** 结转: copies the year's published sheets into the next year as drafts, with their 分工 unless opted out. */
export async function rolloverAction(input: unknown) {
  return runAction(
    rolloverYearSchema,
    input,
    async ({ prisma, actor, input }) => {
      const result = await rolloverYear(prisma, actor, input);
      const carried = result.created.reduce((n, sheet) => n + sheet.assignments, 0);
      const duties = input.keepAssignments ? `，保留分工 ${carried} 项` : "，未结转分工";
      return { data: { toYear: result.toYear }, message: `已结转 ${result.created.length} 张绩效目标表到${result.toYear}年（草稿）${duties}` };
    },
    { revalidate: ["/sheets", "/admin/rollover", "/admin/assignments"] },
  );
}
