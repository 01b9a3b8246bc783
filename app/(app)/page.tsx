import type { Metadata } from "next";
import Link from "next/link";
import { LightBadge } from "@/components/progress/light-badge";
import { LightsByUnitChart } from "@/components/scorecard/charts";
import { SummaryCards } from "@/components/scorecard/summary-cards";
import { ManagerOverdue } from "@/components/home/manager-overdue";
import { WorkbookLinks } from "@/components/progress-workbook/workbook-links";
import { reportingMonth } from "@/lib/figures/reporting-month";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { listEvaluations, type YearEndDue } from "@/lib/evaluation/list-evaluations";
import { listMySheets } from "@/lib/progress/list-my-sheets";
import { findLeadSheets, listMyTodo, type TodoItem } from "@/lib/progress/list-my-todo";
import { reviewQueueSummary } from "@/lib/progress/list-review-queue";
import { listOverdue, type OverdueSummary } from "@/lib/progress/list-overdue";
import { getScorecard, type Scorecard } from "@/lib/scorecard/get-scorecard";
import { parseScorecardQuery } from "@/lib/scorecard/query";

export const metadata: Metadata = { title: "工作台" };

/**
 * 工作台, where login lands: a lead's 我的待办 and 我的项目; a manager's 待审核, an evaluator's 年终评价 and an
 * admin's 系统管理, each with the year at a glance.
 */
export default async function Home() {
  const actor = await requireActor();
  const prisma = await getPrisma();
  if (actor.role === "LEAD") {
    const mine = await findLeadSheets(prisma, actor);
    const [todo, sheets] = await Promise.all([listMyTodo(prisma, actor, { sheets: mine }), listMySheets(prisma, actor, { sheets: mine })]);
    return <LeadHome todo={todo} sheets={sheets} />;
  }
  if (actor.role === "MANAGER") {
    const [queue, scorecard] = await Promise.all([reviewQueueSummary(prisma, actor), getScorecard(prisma, actor, parseScorecardQuery({}))]);
    const overdue = scorecard.year === null ? null : await listOverdue(prisma, actor, { year: scorecard.year });
    return <ManagerHome pending={queue.count} oldest={queue.oldestSubmittedAt} scorecard={scorecard} overdue={overdue} />;
  }
  if (actor.role === "EVALUATOR") {
    const evaluations = await listEvaluations(prisma, actor);
    const finals = evaluations.rows.filter((r) => r.state === "FINAL").length;
    return <EvaluatorHome year={evaluations.year} total={evaluations.rows.length} finals={finals} deadline={evaluations.deadlines?.evaluation ?? null} />;
  }
  return <AdminHome />;
}

const progressHref = (item: TodoItem) => `/sheets/${item.sheetId}/progress?month=${item.month}`;
/** What a screen reader hears after a month's link: whether it is 逾期, and locked. */
const overdueWords = (item: TodoItem) => (item.overdue ? `（逾期${item.periodLocked ? "，已锁定" : ""}）` : "");

const OverdueMark = () => <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-800">逾期</span>;

const SheetLink = ({ id, name }: { id: number; name: string }) => (
  <Link href={`/sheets/${id}`} className="text-brand hover:underline">
    {name}
  </Link>
);

function LeadHome({ todo, sheets }: { todo: Awaited<ReturnType<typeof listMyTodo>>; sheets: Awaited<ReturnType<typeof listMySheets>> }) {
  const returnedItems = todo.filter((t) => t.status === "RETURNED");
  const returned = returnedItems.length;
  const overdue = todo.filter((t) => t.overdue).length;
  // The other owed months, one row per sheet: this month first, then the earlier ones.
  const bySheet = new Map<number, { sheetId: number; sheetName: string; current: TodoItem | null; earlier: TodoItem[] }>();
  for (const item of todo) {
    if (item.status === "RETURNED") continue;
    const group = bySheet.get(item.sheetId) ?? { sheetId: item.sheetId, sheetName: item.sheetName, current: null, earlier: [] };
    if (item.current) group.current = item;
    else group.earlier.push(item);
    bySheet.set(item.sheetId, group);
  }
  const owed = [...bySheet.values()].map((g) => ({ ...g, earlier: g.earlier.sort((a, b) => a.month - b.month) }));
  return (
    <div className="space-y-6">
      <h1 className="text-lg font-semibold">工作台</h1>
      <section aria-labelledby="todo-title" className="space-y-2">
        <h2 id="todo-title" className="font-semibold">
          我的待办
          <span className="ml-2 text-sm font-normal text-muted">
            {todo.length === 0
              ? "没有待填报或待提交的月份"
              : `共 ${todo.length} 项${[returned ? `${returned} 项已退回` : "", overdue ? `${overdue} 项逾期` : ""]
                  .filter(Boolean)
                  .map((t, i) => `${i === 0 ? "，其中 " : "，"}${t}`)
                  .join("")}`}
          </span>
        </h2>
        {returnedItems.length > 0 ? (
          <table className="form-table card-table">
            <caption className="py-1 text-left font-medium text-red-800">已退回，需修改后重新提交</caption>
            <thead>
              <tr>
                <th scope="col">项目名称</th>
                <th scope="col">月份</th>
                <th scope="col">退回意见</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {returnedItems.map((item) => (
                <tr key={`${item.sheetId}-${item.month}`}>
                  <td data-label="项目名称">
                    <SheetLink id={item.sheetId} name={item.sheetName} />
                  </td>
                  <td className="whitespace-nowrap" data-label="月份">
                    {item.monthLabel}
                    {item.overdue ? <OverdueMark /> : null}
                  </td>
                  <td data-label="退回意见">{item.reviewComment || <span className="text-muted">—</span>}</td>
                  <td className="whitespace-nowrap" data-label="操作">
                    <Link
                      href={progressHref(item)}
                      aria-label={`修改 ${item.sheetName} ${item.monthLabel}${overdueWords(item)}`}
                      className="text-brand hover:underline"
                    >
                      修改并重新提交
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {owed.length > 0 ? (
          <table className="form-table card-table">
            <caption className="sr-only">待填报或待提交的月份</caption>
            <colgroup>
              <col style={{ width: "34%" }} />
              <col style={{ width: "22%" }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">项目名称</th>
                <th scope="col">本月</th>
                <th scope="col">更早未提交的月份</th>
              </tr>
            </thead>
            <tbody>
              {owed.map(({ sheetId, sheetName, current, earlier }) => (
                <tr key={sheetId}>
                  <td data-label="项目名称">
                    <SheetLink id={sheetId} name={sheetName} />
                  </td>
                  <td data-label="本月">
                    {current ? (
                      <>
                        <Link
                          href={progressHref(current)}
                          aria-label={`填报 ${current.sheetName} ${current.monthLabel}${overdueWords(current)}`}
                          className="text-brand hover:underline"
                        >
                          {current.monthLabel}（{current.statusLabel}）
                        </Link>
                        {current.overdue ? <OverdueMark /> : null}
                        <span className="block text-xs text-muted">
                          截止 {current.dueText}，{current.countdown}
                        </span>
                      </>
                    ) : (
                      <span className="text-muted">已提交</span>
                    )}
                  </td>
                  <td data-label="更早未提交的月份">
                    {earlier.length === 0 ? (
                      <span className="text-muted">—</span>
                    ) : (
                      <ul className="flex flex-wrap gap-1">
                        {earlier.map((item) => (
                          <li key={item.month}>
                            <Link
                              href={progressHref(item)}
                              aria-label={`填报 ${item.sheetName} ${item.monthLabel}${overdueWords(item)}`}
                              title={`${item.monthLabel}：${item.statusLabel}，截止 ${item.dueText}${item.overdue ? "，已逾期" : ""}${item.periodLocked ? "，已由管理员锁定" : ""}`}
                              className={`inline-block rounded border bg-white px-1.5 text-sm hover:border-brand ${item.overdue ? "border-red-300 text-red-800" : "border-line"}`}
                            >
                              {item.month}月{item.statusLabel === "草稿" ? "·草稿" : ""}
                              {item.overdue ? "·逾期" : ""}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="mine-title" className="space-y-2">
        <h2 id="mine-title" className="font-semibold">
          我的项目
        </h2>
        <MonthWorkbook sheets={sheets} todo={todo} />
        {sheets.length === 0 ? (
          <p className="rounded border border-line bg-white p-4 text-muted">尚未给您分配绩效目标表。</p>
        ) : (
          <table className="form-table card-table">
            <caption className="sr-only">我的项目</caption>
            <thead>
              <tr>
                <th scope="col">项目名称</th>
                <th scope="col">最近填报</th>
                <th scope="col">状态</th>
                <th scope="col">指标预警</th>
                <th scope="col">预算预警</th>
                <th scope="col">预计得分</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {sheets.map((s) => (
                <tr key={s.id}>
                  <td data-label="项目名称">
                    <Link href={`/sheets/${s.id}`} className="text-brand hover:underline">
                      {s.name}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap" data-label="最近填报">
                    {s.monthLabel ?? "年度尚未开始"}
                  </td>
                  <td data-label="状态">{s.statusLabel ?? "—"}</td>
                  <td data-label="指标预警">{s.sheetLight ? <LightBadge light={s.sheetLight} /> : "—"}</td>
                  <td data-label="预算预警">{s.budgetLight ? <LightBadge light={s.budgetLight} /> : "—"}</td>
                  <td className="num" data-label="预计得分">
                    {s.projectedTotal ?? "—"}
                  </td>
                  <td className="whitespace-nowrap" data-label="操作">
                    <Link
                      href={`/sheets/${s.id}/progress${s.month ? `?month=${s.month}` : ""}`}
                      aria-label={`进度填报 ${s.name}`}
                      className="text-brand hover:underline"
                    >
                      进度填报
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/**
 * 我的项目's Excel way: this month's workbook of every sheet (the latest fiscal year) still open to fill in, and the
 * upload page; nothing while no sheet's month is open (the download would only refuse).
 */
function MonthWorkbook({ sheets, todo }: { sheets: Awaited<ReturnType<typeof listMySheets>>; todo: TodoItem[] }) {
  const year = sheets[0]?.year;
  const month = year === undefined ? 0 : reportingMonth(year, new Date());
  if (year === undefined || month < 1) return null;
  const open = todo.some((t) => t.year === year && t.month === month && !t.periodLocked);
  if (!open) return null;
  return (
    <WorkbookLinks
      label={`用 Excel 填报${year}年${month}月（全部项目）：`}
      downloadHref={`/api/v1/progress.xlsx?year=${year}&month=${month}`}
      downloadLabel="下载本月工作簿"
      uploadHref={`/progress/workbook?year=${year}&month=${month}`}
    />
  );
}

function ManagerHome({
  pending,
  oldest,
  scorecard,
  overdue,
}: {
  pending: number;
  oldest: string | null;
  scorecard: Scorecard;
  overdue: OverdueSummary | null;
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">工作台</h1>
      <section aria-labelledby="review-title" className="rounded border border-line bg-white p-4">
        <h2 id="review-title" className="font-semibold">
          待审核
        </h2>
        <p className="mt-1">
          {pending === 0 ? (
            "没有待审核的月份。"
          ) : (
            <>
              共 <strong className="text-lg">{pending}</strong> 个月份待审核{oldest ? `（最早提交于 ${oldest}）` : ""}。
            </>
          )}
        </p>
        <div className="mt-3 flex gap-4">
          <Link href="/review" className="text-brand hover:underline">
            查看待审核
          </Link>
          <Link href="/sheets" className="text-brand hover:underline">
            查看绩效目标表
          </Link>
        </div>
      </section>
      {overdue ? <ManagerOverdue summary={overdue} /> : null}
      <Glance scorecard={scorecard} />
    </div>
  );
}

function EvaluatorHome({ year, total, finals, deadline }: { year: number | null; total: number; finals: number; deadline: YearEndDue | null }) {
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">工作台</h1>
      <section aria-labelledby="evaluate-title" className="rounded border border-line bg-white p-4">
        <h2 id="evaluate-title" className="font-semibold">
          {year ? `${year}年度` : ""}年终评价
        </h2>
        <p className="mt-1">
          {total === 0 ? "尚未给您分配需要评价的绩效目标表。" : `分配给您评价 ${total} 张，已定稿 ${finals} 张，待完成 ${total - finals} 张。`}
        </p>
        {deadline && total > finals ? (
          <p className="mt-1 text-sm">
            截止 {deadline.due}（北京时间）
            <span className={deadline.past ? "ml-1 font-medium text-red-800" : "ml-1 text-muted"}>{deadline.countdown}</span>
          </p>
        ) : null}
        <div className="mt-3 flex gap-4">
          <Link href="/evaluations" className="text-brand hover:underline">
            查看待评价
          </Link>
          <Link href="/sheets" className="text-brand hover:underline">
            查看绩效目标表
          </Link>
          <Link href="/scorecard" className="text-brand hover:underline">
            打开绩效看板
          </Link>
        </div>
      </section>
    </div>
  );
}

const ADMIN_LINKS = [
  { href: "/sheets", label: "绩效目标表" },
  { href: "/scorecard", label: "绩效看板" },
  { href: "/admin/users", label: "用户" },
  { href: "/admin/assignments", label: "分工" },
  { href: "/admin/import", label: "导入绩效目标表" },
  { href: "/admin/rollover", label: "年度结转" },
  { href: "/admin/years", label: "年度与期间锁定" },
  { href: "/admin/evidence", label: "佐证资料存储限制" },
  { href: "/audit", label: "操作日志" },
];

function AdminHome() {
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">工作台</h1>
      <section aria-labelledby="admin-title" className="rounded border border-line bg-white p-4">
        <h2 id="admin-title" className="font-semibold">
          系统管理
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
          {ADMIN_LINKS.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="inline-flex min-h-10 items-center text-brand hover:underline">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The year at a glance: the 绩效看板's summary and its lights by unit. */
function Glance({ scorecard }: { scorecard: Scorecard }) {
  return (
    <section aria-labelledby="glance-title" className="space-y-3 rounded border border-line bg-white p-4">
      <div className="flex items-baseline justify-between">
        <h2 id="glance-title" className="font-semibold">
          绩效看板{scorecard.asOfLabel ? <span className="font-normal text-muted">（截至{scorecard.asOfLabel}）</span> : null}
        </h2>
        <Link href="/scorecard" className="text-brand hover:underline">
          打开绩效看板
        </Link>
      </div>
      <SummaryCards data={scorecard} />
      {scorecard.lightsByUnit.length > 0 ? <LightsByUnitChart units={scorecard.lightsByUnit} titleId="home-units-chart" /> : null}
    </section>
  );
}
