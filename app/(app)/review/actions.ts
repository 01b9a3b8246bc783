"use server";

import { runAction } from "@/app/_lib/action";
import type { ActionResult } from "@/lib/action-result";
import { type ApproveMonthsResult, approveMonths, approveMonthsSchema } from "@/lib/progress/approve-months";

/** 批量审核通过: each month approved as a single approval would be; the answer names the approved and the refused. */
export async function approveMonthsAction(input: unknown): Promise<ActionResult<ApproveMonthsResult>> {
  return runAction(approveMonthsSchema, input, async ({ prisma, actor, input }) => {
    const result = await approveMonths(prisma, actor, input);
    const refused = result.refused.length > 0 ? `，${result.refused.length} 个月份未能审核通过（见下方原因）` : "";
    return { data: result, message: `已审核通过 ${result.approved.length} 个月份${refused}` };
  });
}
