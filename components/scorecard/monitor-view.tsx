import { ScoreExplanation } from "@/components/evaluation/score-explanation";
import { LightBadge } from "@/components/progress/light-badge";
import { formatAmount, formatPercent } from "@/components/ui/format";
import type { SheetMonitor } from "@/lib/scorecard/get-sheet-monitor";
import { AsOfMonthForm } from "./as-of-month-form";
import { BudgetChart, RowChart } from "./monitor-charts";
import { TableScroll } from "@/components/ui/table-scroll";

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={label} className="rounded border border-line bg-white px-3 py-2">
      <div className="text-sm text-muted">{label}</div>
      <div className="mt-0.5 font-semibold tabular-nums">{children}</div>
    </div>
  );
}

/** 运行监控 of one sheet: its rows with lights, scores and their explanations, the months as charts, the budget. */
export function MonitorView({ data }: { data: SheetMonitor }) {
  const { sheet } = data;
  return (
    <article className="print-landscape space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div className="space-y-1">
          <h1 className="text-lg font-semibold">
            运行监控 · {sheet.name} <span className="whitespace-nowrap">（截至{data.asOfLabel}）</span>
          </h1>
          <p className="text-muted">
            {sheet.unit} · 项目负责人 {sheet.lead || "—"} · {sheet.year}年度 · 截至{data.asOfLabel}（时间进度 {data.timeProgress}
            ），按各指标截至该月的最新填报值计算
          </p>
        </div>
        <AsOfMonthForm asOfMonth={data.asOfMonth} months={data.months} />
      </header>

      <section aria-label="概况" className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
        <Figure label="指标预警">
          <LightBadge light={data.light} />
        </Figure>
        <Figure label="预算预警">
          <LightBadge light={data.budgetLight} />
        </Figure>
        <Figure label="预算执行率">
          {formatPercent(data.budget.executionRate)}
          <span className="ml-1 text-xs font-normal text-muted">
            {data.budget.executed === null ? "尚未填报执行数" : `${formatAmount(data.budget.executed)} / ${formatAmount(data.budget.budget)} 万元`}
          </span>
        </Figure>
        <Figure label="预计得分">
          {data.projected ? (
            <>
              {data.projected.total}（{data.projected.grade}）
              {data.projected.complete ? null : <span className="ml-1 text-xs font-normal text-amber-800">未完整：尚有指标或执行数未填报</span>}
            </>
          ) : data.projectionError ? (
            <span className="text-sm font-normal text-red-800">{data.projectionError}</span>
          ) : (
            <span className="font-normal text-muted">待填报</span>
          )}
        </Figure>
        <Figure label="评价得分">{data.final ? `${data.final.total}（${data.final.grade}）` : <span className="font-normal text-muted">未定稿</span>}</Figure>
        <Figure label="最近填报">{data.latestMonth ? `${sheet.year}年${data.latestMonth}月` : <span className="font-normal text-muted">尚未填报</span>}</Figure>
      </section>

      <section aria-labelledby="rows-title" className="space-y-2">
        <h2 id="rows-title" className="font-semibold">
          指标运行情况
        </h2>
        <TableScroll>
          <table className="form-table">
            <caption className="sr-only">指标运行情况</caption>
            <thead>
              <tr>
                <th scope="col">指标</th>
                <th scope="col">指标值</th>
                <th scope="col">上年完成值</th>
                <th scope="col">最新完成值</th>
                <th scope="col">进度</th>
                <th scope="col">预警</th>
                <th scope="col">分值</th>
                <th scope="col">预计得分</th>
                <th scope="col">评价得分</th>
                <th scope="col">每月完成值（虚线：时间进度）</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.indicatorId}>
                  <th scope="row" className="font-normal">
                    <div className="text-xs text-muted">
                      {r.level1} / {r.level2}
                    </div>
                    {r.name}
                    <div className="text-xs text-muted">{r.measureLabel}</div>
                  </th>
                  <td className="whitespace-nowrap">{r.targetRaw}</td>
                  <td>{r.lastYear || "—"}</td>
                  <td className="whitespace-nowrap">
                    {r.latest ? (
                      <>
                        {r.latest.value}
                        {r.unit && r.chart !== "qualitative" ? ` ${r.unit}` : ""}
                        <div className="text-xs text-muted">截至{r.latest.monthLabel}</div>
                      </>
                    ) : (
                      <span className="text-muted">未填报</span>
                    )}
                  </td>
                  <td className="num">{r.progress ?? "—"}</td>
                  <td>
                    <LightBadge light={r.light} />
                  </td>
                  <td className="num">{r.weight}</td>
                  <td className="num">
                    {r.projected ? <ScoreExplanation label={`${r.name} 预计得分`} score={r.projected.score} explanation={r.projected.explanation} /> : "—"}
                  </td>
                  <td className="num">
                    {r.final ? (
                      <ScoreExplanation label={`${r.name} 评价得分`} score={r.final.score} explanation={r.final.explanation} />
                    ) : (
                      <span className="text-muted">未定稿</span>
                    )}
                  </td>
                  <td>
                    <RowChart row={r} asOfMonth={data.asOfMonth} />
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="font-normal">
                  预算执行率
                </th>
                <td colSpan={3} className="text-sm">
                  全年预算数 {formatAmount(data.budget.budget)} 万元（年度预算总额 {formatAmount(data.budget.fundsTotal)}）
                </td>
                <td className="num">{data.budget.executionRate === null ? "—" : `${data.budget.executionRate}%`}</td>
                <td>
                  <LightBadge light={data.budgetLight} />
                </td>
                <td className="num">{data.projected?.budget.max ?? "—"}</td>
                <td className="num">
                  {data.projected ? (
                    <ScoreExplanation label="预算执行率 预计得分" score={data.projected.budget.score} explanation={data.projected.budget.explanation} />
                  ) : (
                    "—"
                  )}
                </td>
                <td className="num">
                  {data.final ? (
                    <ScoreExplanation label="预算执行率 评价得分" score={data.final.budget.score} explanation={data.final.budget.explanation} />
                  ) : (
                    <span className="text-muted">未定稿</span>
                  )}
                </td>
                <td />
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="budget-title" className="space-y-2">
        <h2 id="budget-title" className="font-semibold">
          预算执行（按月）
        </h2>
        <div className="rounded border border-line bg-white p-3">
          <BudgetChart months={data.budget.months} asOfMonth={data.asOfMonth} titleId="budget-chart" />
        </div>
        <TableScroll>
          <table className="form-table">
            <caption className="sr-only">预算执行（按月）</caption>
            <thead>
              <tr>
                <th scope="col">月份</th>
                {data.budget.months.map((m) => (
                  <th key={m.month} scope="col">
                    {m.month}月
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">执行数（万元）</th>
                {data.budget.months.map((m) => (
                  <td key={m.month} className="num">
                    {m.executed === null ? "—" : formatAmount(m.executed)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">预算执行率</th>
                {data.budget.months.map((m) => (
                  <td key={m.month} className="num">
                    {m.rate === null ? "—" : `${m.rate}%`}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">按时间进度应达（万元）</th>
                {data.budget.months.map((m) => (
                  <td key={m.month} className="num">
                    {formatAmount(m.expected)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </section>
    </article>
  );
}
