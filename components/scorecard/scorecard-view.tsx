import Link from "next/link";
import { LightBadge } from "@/components/progress/light-badge";
import { formatAmount, formatPercent } from "@/components/ui/format";
import { finalText, projectedText } from "@/lib/scorecard/cells";
import type { Scorecard, ScorecardRow } from "@/lib/scorecard/get-scorecard";
import { scorecardSearch } from "@/lib/scorecard/query";
import { LightsByUnitChart, ScoreDistributionChart } from "./charts";
import { FilterForm, hasFilters, ScorecardMonthForm } from "./scorecard-forms";
import { ScorecardTable } from "./scorecard-table";
import { SummaryCards } from "./summary-cards";
import { TableScroll } from "@/components/ui/table-scroll";

/** The 计分卡 page (server-rendered; only the table is a client component). */
export function ScorecardView({ data }: { data: Scorecard }) {
  const { query } = data;
  if (data.year === null) {
    return (
      <>
        <h1 className="text-lg font-semibold">绩效看板</h1>
        <p className="mt-6 rounded border border-line bg-white p-6 text-center text-muted">
          {data.years.length === 0 ? "尚未导入任何年度的绩效目标表。" : `没有${query.year ?? ""}年度的绩效目标表。`}
        </p>
      </>
    );
  }
  const exportHref = `/api/v1/scorecard.xlsx${scorecardSearch({ ...query, page: 1 })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-lg font-semibold">
            {data.year}年度绩效看板 <span className="whitespace-nowrap">（截至{data.asOfLabel}）</span>
          </h1>
          <p className="text-muted">
            预警与预计得分截至 <strong className="text-ink">{data.asOfLabel}</strong>（时间进度 {data.timeProgress}），按各指标截至该月的最新填报值计算
          </p>
        </div>
        <ScorecardMonthForm data={data} />
      </div>
      {data.years.length > 1 ? <YearLinks years={data.years} current={data.year} /> : null}
      <SummaryCards data={data} filtered={hasFilters(query)} />

      {data.department.length > 0 ? (
        <section aria-labelledby="department-title" className="space-y-2">
          <h2 id="department-title" className="font-semibold">
            部门整体绩效目标
          </h2>
          <DepartmentTable rows={data.department} />
        </section>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="distribution-title" className="rounded border border-line bg-white p-3">
          <h2 id="distribution-title" className="mb-1 font-semibold">
            得分分布 <span className="text-sm font-normal text-muted">（已定稿的按评价得分，其余按预计得分）</span>
          </h2>
          {data.summary.lights.none > 0 ? <p className="text-sm text-muted">待填报 {data.summary.lights.none} 张，尚无预计得分，不计入分布。</p> : null}
          <ScoreDistributionChart distribution={data.distribution} titleId="distribution-chart" />
        </section>
        <section aria-labelledby="units-title" className="rounded border border-line bg-white p-3">
          <h2 id="units-title" className="mb-1 font-semibold">
            各单位预警
          </h2>
          {data.lightsByUnit.length > 0 ? <LightsByUnitChart units={data.lightsByUnit} titleId="units-chart" /> : <p className="text-muted">没有项目。</p>}
        </section>
      </div>

      <section aria-labelledby="table-title" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="table-title" className="font-semibold">
            项目支出绩效目标表
          </h2>
          <a href={exportHref} download className="no-print rounded border border-brand bg-white px-3 py-1 text-brand hover:bg-brand hover:text-white">
            导出Excel
          </a>
        </div>
        <FilterForm data={data} />
        <ScorecardTable
          rows={data.table.rows}
          query={query}
          total={data.table.total}
          page={data.table.page}
          pageCount={data.table.pageCount}
          pageSize={data.table.pageSize}
          totals={data.table.totals}
          groups={data.table.groups}
          caption={`${data.year}年度绩效看板`}
        />
        {data.table.pageCount > 1 ? <Pages data={data} /> : null}
      </section>
    </div>
  );
}

function Pages({ data }: { data: Scorecard }) {
  const { page, pageCount } = data.table;
  const href = (p: number) => `/scorecard${scorecardSearch({ ...data.query, page: p })}`;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="分页" className="no-print flex flex-wrap items-center gap-1">
      {page > 1 ? (
        <Link href={href(page - 1)} className="rounded border border-line bg-white px-2 hover:border-brand">
          上一页
        </Link>
      ) : null}
      {shown.map((p, i) => (
        <span key={p} className="flex items-center gap-1">
          {i > 0 && p - shown[i - 1]! > 1 ? <span className="text-muted">…</span> : null}
          <Link
            href={href(p)}
            aria-current={p === page ? "page" : undefined}
            className={`rounded border px-2 ${p === page ? "border-brand bg-brand text-white" : "border-line bg-white hover:border-brand"}`}
          >
            {p}
          </Link>
        </span>
      ))}
      {page < pageCount ? (
        <Link href={href(page + 1)} className="rounded border border-line bg-white px-2 hover:border-brand">
          下一页
        </Link>
      ) : null}
    </nav>
  );
}

function DepartmentTable({ rows }: { rows: ScorecardRow[] }) {
  return (
    <TableScroll>
      <table className="form-table">
        <caption className="sr-only">部门整体绩效目标</caption>
        <thead>
          <tr>
            <th scope="col">部门名称</th>
            <th scope="col">名称</th>
            <th scope="col">全年预算数（万元）</th>
            <th scope="col">执行数（万元）</th>
            <th scope="col">预算执行率</th>
            <th scope="col">预警</th>
            <th scope="col">预计得分</th>
            <th scope="col">评价得分</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.sheetId}>
              <td>{r.unit}</td>
              <td>
                <Link href={`/sheets/${r.sheetId}/monitor?month=${r.month}`} className="text-brand hover:underline">
                  {r.name}
                </Link>
              </td>
              <td className="num">{formatAmount(r.budget)}</td>
              <td className="num">{r.executed === null ? "—" : formatAmount(r.executed)}</td>
              <td className="num">{formatPercent(r.executionRate)}</td>
              <td>
                <LightBadge light={r.light} />
              </td>
              <td className="num">{projectedText(r)}</td>
              <td className="num">{finalText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function YearLinks({ years, current }: { years: number[]; current: number }) {
  return (
    <nav aria-label="年度" className="no-print flex gap-2">
      {years.map((y) => (
        <Link
          key={y}
          href={`/scorecard${scorecardSearch({ year: y })}`}
          aria-current={y === current ? "page" : undefined}
          className={`rounded border px-2 py-0.5 ${y === current ? "border-brand bg-brand text-white" : "border-line bg-white hover:border-brand"}`}
        >
          {y}年
        </Link>
      ))}
    </nav>
  );
}
