import Link from "next/link";
import type { OverdueSummary } from "@/lib/progress/list-overdue";

/** How many sheets the 工作台 lists by name; the rest are on 绩效看板 (仅看逾期). */
const LISTED = 10;

/**
 * 逾期未报 on the manager's 工作台: months of the year not submitted by their deadline, counted per unit and per sheet
 * (the sheets with most 逾期 months first). The full list is the 绩效看板 filtered to 逾期.
 */
export function ManagerOverdue({ summary }: { summary: OverdueSummary }) {
  const scorecardHref = `/scorecard?year=${summary.year}&overdue=1`;
  return (
    <section aria-labelledby="overdue-title" className="space-y-3 rounded border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="overdue-title" className="font-semibold">
          逾期未报<span className="font-normal text-muted">（{summary.year}年度，截止日已过仍未提交的月报）</span>
        </h2>
        {summary.totalSheets > 0 ? (
          <Link href={scorecardHref} className="text-brand hover:underline">
            在绩效看板中查看
          </Link>
        ) : null}
      </div>
      {summary.totalSheets === 0 ? (
        <p>没有逾期的月份。</p>
      ) : (
        <>
          <p>
            <strong className="text-lg text-red-800">{summary.totalSheets}</strong> 张绩效目标表共{" "}
            <strong className="text-lg text-red-800">{summary.totalMonths}</strong> 个月份逾期未提交。
          </p>
          {/* Headings, not captions: a phone's card layout squeezes a caption into one character per line. */}
          <h3 id="overdue-units" className="font-medium">
            各单位逾期
          </h3>
          <table className="form-table card-table" aria-labelledby="overdue-units">
            <thead>
              <tr>
                <th scope="col">预算单位</th>
                <th scope="col">逾期项目</th>
                <th scope="col">逾期月份数</th>
              </tr>
            </thead>
            <tbody>
              {summary.units.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row" className="text-left font-normal">
                    {u.unit}
                  </th>
                  <td className="num" data-label="逾期项目">
                    {u.sheets} 项
                  </td>
                  <td className="num" data-label="逾期月份数">
                    {u.months} 个月
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 id="overdue-sheets" className="font-medium">
            逾期的绩效目标表{summary.sheets.length > LISTED ? `（逾期最多的 ${LISTED} 张）` : ""}
          </h3>
          <table className="form-table card-table" aria-labelledby="overdue-sheets">
            <thead>
              <tr>
                <th scope="col">项目名称</th>
                <th scope="col">预算单位</th>
                <th scope="col">逾期月份</th>
              </tr>
            </thead>
            <tbody>
              {summary.sheets.slice(0, LISTED).map((s) => (
                <tr key={s.sheetId}>
                  <th scope="row" className="text-left font-normal">
                    <Link href={`/sheets/${s.sheetId}/progress?month=${s.months[0]}`} className="text-brand hover:underline">
                      {s.name}
                    </Link>
                  </th>
                  <td data-label="预算单位">{s.unit}</td>
                  <td data-label="逾期月份" className="text-red-800">
                    逾期 {s.text}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
