import type { Metadata } from "next";
import Link from "next/link";
import { LightBadge } from "@/components/progress/light-badge";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { listReviewQueue } from "@/lib/progress/list-review-queue";

export const metadata: Metadata = { title: "待审核" };

/** 待审核: submitted months the signed-in manager may review, oldest submission first. */
export default async function ReviewPage() {
  const actor = await requireActor();
  const queue = await listReviewQueue(await getPrisma(), actor);
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">待审核</h1>
      {queue.length === 0 ? (
        <p className="rounded border border-line bg-white p-6 text-center text-muted">没有待审核的月份。</p>
      ) : (
        <table className="form-table">
          <caption className="sr-only">待审核的月份</caption>
          <thead>
            <tr>
              <th scope="col">预算单位</th>
              <th scope="col">项目名称</th>
              <th scope="col">月份</th>
              <th scope="col">提交人</th>
              <th scope="col">提交时间</th>
              <th scope="col">指标预警</th>
              <th scope="col">预算预警</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={`${item.sheetId}-${item.month}`}>
                <td>{item.unit}</td>
                <td>{item.sheetName}</td>
                <td className="whitespace-nowrap">{item.monthLabel}</td>
                <td>{item.submittedBy ?? "—"}</td>
                <td className="num">{item.submittedAt ?? "—"}</td>
                <td>
                  <LightBadge light={item.sheetLight} />
                </td>
                <td>
                  <LightBadge light={item.budgetLight} />
                </td>
                <td className="whitespace-nowrap">
                  <Link
                    href={`/sheets/${item.sheetId}/progress?month=${item.month}`}
                    aria-label={`审核 ${item.sheetName} ${item.monthLabel}`}
                    className="text-brand hover:underline"
                  >
                    审核
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
