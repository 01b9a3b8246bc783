import type { SelfEvaluationReport } from "@/lib/reports/self-evaluation";
import { formatAmount } from "@/components/ui/format";
import { GroupCells } from "@/components/sheets/group-cells";
import { ReportSignOff } from "./report-sign-off";
import { TableScroll } from "@/components/ui/table-scroll";

const PENDING = "待评";
const NOT_SUBMITTED = "未提交";

/** Both tables share one grid, so the header block lines up with the indicator table as on the printed form. */
const WIDTHS = ["9%", "10%", "19%", "10%", "10%", "6%", "7%", "7%", undefined];
function Columns() {
  return (
    <colgroup>
      {WIDTHS.map((width, i) => (
        <col key={i} style={width ? { width } : undefined} />
      ))}
    </colgroup>
  );
}
const amount = (v: string | null) => (v === null ? "" : formatAmount(v));

/**
 * The 自评表 as the official form prints it: header block (项目名称, 主管部门/预算单位, 项目负责人, 项目资金 with 年初预算数 …
 * 得分, 年度总体目标), then the indicator table grouped by 一级/二级 with merged cells — the lead's 自评分 beside the
 * evaluator's 评价分, with the reasons —, 预算执行率, 总分 and 评价等级, and the sign-off block.
 * Server-rendered, nothing interactive: the same on screen and on paper.
 */
export function SelfEvaluationReportView({ report }: { report: SelfEvaluationReport }) {
  const project = report.kind === "PROJECT";
  const submitted = report.self.state === "FINAL";
  const selfScore = (value: string | null) => (!submitted ? "—" : (value ?? PENDING));
  return (
    <div className="space-y-0">
      <header className="mb-2 text-center">
        <h1 className="text-xl font-semibold tracking-wider">{report.title}</h1>
        <p className="text-muted">{report.yearText}</p>
        {report.state !== "FINAL" ? <p className="mt-1 font-medium text-amber-800">草稿：年终评价尚未定稿，以下得分仅供参考</p> : null}
      </header>

      {/* One box for both tables: on a phone they scroll sideways together and keep their shared grid. */}
      <TableScroll>
        <table className="form-table">
          <caption className="sr-only">基本信息</caption>
          <Columns />
          <tbody>
            <tr>
              <th scope="row">{project ? "项目名称" : "名称"}</th>
              <td colSpan={8}>{report.project}</td>
            </tr>
            <tr>
              <th scope="row">主管部门</th>
              <td colSpan={3}>{report.department}</td>
              <th scope="row">预算单位</th>
              <td colSpan={4}>{report.unit}</td>
            </tr>
            <tr>
              <th scope="row">{project ? "项目负责人" : "部门联系人"}</th>
              <td colSpan={3}>{report.lead}</td>
              <th scope="row">评价日期</th>
              <td colSpan={4}>{report.finalisedOn ?? ""}</td>
            </tr>
            <tr>
              <th scope="rowgroup" rowSpan={1 + report.funds.length} className="align-middle">
                {project ? "项目资金（万元）" : "年度资金（万元）"}
              </th>
              <td aria-hidden="true" />
              {["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].map((caption) => (
                <th key={caption} scope="col" colSpan={caption === "得分" ? 2 : undefined} className="text-center">
                  {caption}
                </th>
              ))}
            </tr>
            {report.funds.map((line) => (
              <tr key={line.label}>
                <th scope="row" className="font-normal">
                  {line.label}
                </th>
                <td className="num">{amount(line.initial)}</td>
                <td className="num">{amount(line.fullYear)}</td>
                <td className="num">{amount(line.executed)}</td>
                {line.sub ? (
                  <>
                    <td className="text-center">—</td>
                    <td className="text-center">—</td>
                    <td colSpan={2} className="text-center">
                      —
                    </td>
                  </>
                ) : (
                  <>
                    <td className="num">{line.weight}</td>
                    <td className="num">{line.rate === null ? PENDING : `${line.rate}%`}</td>
                    <td colSpan={2} className="num">
                      {line.score ?? PENDING}
                    </td>
                  </>
                )}
              </tr>
            ))}
            <tr>
              <th scope="row">年度总体目标</th>
              <td colSpan={8} className="whitespace-pre-line">
                {report.goal}
              </td>
            </tr>
          </tbody>
        </table>

        <table className="form-table -mt-px">
          <caption className="sr-only">绩效指标完成情况</caption>
          <Columns />
          <thead>
            <tr>
              {["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "自评分", "评价分", "偏差原因分析及改进措施"].map((caption) => (
                <th key={caption} scope="col">
                  {caption}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row, i) => (
              <tr key={i}>
                <GroupCells level1={row.level1} level2={row.level2} level1Span={row.level1Span} level2Span={row.level2Span} />
                <td>{row.name}</td>
                <td className="text-center">{row.target}</td>
                <td className="text-center">{row.actual}</td>
                <td className="num">{row.weight}</td>
                <td className="num">{selfScore(row.selfScore)}</td>
                <td className="num">{row.score ?? PENDING}</td>
                <td>
                  {row.reasons.map((reason, j) => (
                    <p key={j} className="whitespace-pre-line">
                      {reason}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={3}>
                {report.budgetRow.label}
              </th>
              <td className="text-center">{report.budgetRow.target}</td>
              <td className="text-center">{report.budgetRow.actual}</td>
              <td className="num">{report.budgetRow.weight}</td>
              <td className="num">{selfScore(report.budgetRow.selfScore)}</td>
              <td className="num">{report.budgetRow.score ?? PENDING}</td>
              <td />
            </tr>
            <tr>
              <th scope="row" colSpan={5} className="text-center">
                总分
              </th>
              <td className="num">{report.maxTotal}</td>
              <td className="num font-semibold" data-testid="report-self-total">
                {submitted ? (report.self.total ?? "") : NOT_SUBMITTED}
              </td>
              <td className="num font-semibold" data-testid="report-total">
                {report.total}
              </td>
              <td className="text-xs text-muted">{report.complete ? "" : "尚有指标待评，未计入总分"}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={5} className="text-center">
                评价等级
              </th>
              <td />
              <td className="text-center font-semibold" data-testid="report-self-grade">
                {submitted ? (report.self.grade ?? "") : NOT_SUBMITTED}
              </td>
              <td colSpan={2} className="text-center font-semibold" data-testid="report-grade">
                {report.grade}
              </td>
            </tr>
            {report.earlyFinaliseReason ? (
              <tr>
                <th scope="row" colSpan={5} className="text-center">
                  说明
                </th>
                <td colSpan={4}>负责人提交自评前定稿，原因：{report.earlyFinaliseReason}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
      <ReportSignOff signOff={report.signOff} />
      <p className="mt-2 text-right text-xs text-muted">
        {report.state === "FINAL" ? `评价人：${report.evaluator ?? ""}　定稿日期：${report.finalisedOn ?? ""}　` : ""}打印日期：{report.printedOn}
      </p>
    </div>
  );
}

/** A CSS string literal for the page header (printed in the page margin, on every page). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}
