import type { Metadata } from "next";
import Link from "next/link";
import { LightBadge } from "@/components/progress/light-badge";
import { requireActor } from "@/lib/session/session";
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
        <table className="form-table card-table">
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
                <td data-label="预算单位">{item.unit}</td>
                <td data-label="项目名称">
                  <Link href={`/sheets/${item.sheetId}`} className="text-brand hover:underline">
                    {item.sheetName}
                  </Link>
                </td>
                <td className="whitespace-nowrap" data-label="月份">
                  {item.monthLabel}
                </td>
                <td data-label="提交人">{item.submittedBy ?? "—"}</td>
                <td className="num" data-label="提交时间">
                  {item.submittedAt ?? "—"}
                </td>
                <td data-label="指标预警">
                  <LightBadge light={item.sheetLight} />
                </td>
                <td data-label="预算预警">
                  <LightBadge light={item.budgetLight} />
                </td>
                <td className="whitespace-nowrap" data-label="操作">
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
