import type { Metadata } from "next";
import { ReviewQueueTable } from "@/components/progress/review-queue-table";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { listReviewQueue } from "@/lib/progress/list-review-queue";
import { approveMonthsAction } from "./actions";

export const metadata: Metadata = { title: "待审核" };

/** 待审核: submitted months the signed-in manager may review, oldest submission first; 批量审核通过 of the ticked ones. */
export default async function ReviewPage() {
  const actor = await requireActor();
  const queue = await listReviewQueue(await getPrisma(), actor);
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">待审核</h1>
      <ReviewQueueTable items={queue} approveMonths={approveMonthsAction} />
    </div>
  );
}
