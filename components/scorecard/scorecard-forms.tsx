import type { Scorecard } from "@/lib/scorecard/get-scorecard";
import { GRADES } from "@/lib/figures/labels";
import { COLUMN_IDS, LIGHT_FILTERS, scorecardSearch } from "@/lib/scorecard/query";
import { AsOfMonthForm } from "./as-of-month-form";
import { lightName } from "./charts";
import { ClearFilters } from "./clear-filters";

/** The scorecard's two GET forms: its 截至月份 and its filters. Both keep the rest of the state in the URL. */

export const hasFilters = (query: Scorecard["query"]) =>
  query.unit !== undefined || query.light !== undefined || query.grade !== undefined || Boolean(query.overdue) || Boolean(query.q);

/** 截至月份 on the scorecard: a new month keeps the filters, sorting and columns, and goes back to page 1. */
export function ScorecardMonthForm({ data }: { data: Scorecard }) {
  const keep = [...new URLSearchParams(scorecardSearch({ ...data.query, month: undefined, page: 1 }).slice(1))] as [string, string][];
  return <AsOfMonthForm action="/scorecard" asOfMonth={data.asOfMonth} months={data.months} keep={keep} />;
}

/**
 * 筛选: a GET form, so filters live in the URL and work without script. Keyed by the query, so a navigation that
 * changes it (清除筛选, a sort, the back button) shows the form as the URL says, not what was last typed.
 */
export function FilterForm({ data }: { data: Scorecard }) {
  const { query } = data;
  const field = "min-h-10 rounded border border-line bg-white px-2 py-1";
  return (
    <form
      key={scorecardSearch({ ...query, page: 1 })}
      method="get"
      action="/scorecard"
      aria-label="筛选"
      className="no-print flex flex-wrap items-end gap-3 rounded border border-line bg-white p-3"
    >
      <input type="hidden" name="year" value={data.year ?? ""} />
      <input type="hidden" name="month" value={data.asOfMonth} />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      {query.columns.length < COLUMN_IDS.length ? <input type="hidden" name="cols" value={query.columns.join(",")} /> : null}
      <div className="flex flex-col gap-0.5">
        <label htmlFor="filter-unit" className="text-sm text-muted">
          预算单位
        </label>
        <select id="filter-unit" name="unit" defaultValue={query.unit ?? ""} className={field}>
          <option value="">全部单位</option>
          {data.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor="filter-light" className="text-sm text-muted">
          预警
        </label>
        <select id="filter-light" name="light" defaultValue={query.light ?? ""} className={field}>
          <option value="">全部</option>
          {LIGHT_FILTERS.map((l) => (
            <option key={l} value={l}>
              {lightName(l)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor="filter-grade" className="text-sm text-muted">
          等级
        </label>
        <select id="filter-grade" name="grade" defaultValue={query.grade ?? ""} className={field} title="已定稿的按评价等级，其余按预计等级">
          <option value="">全部</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor="filter-q" className="text-sm text-muted">
          关键词
        </label>
        <input
          type="search"
          id="filter-q"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="项目名称、预算单位或负责人"
          className={`${field} w-60 max-w-full`}
        />
      </div>
      <label className="flex items-center gap-1 pb-1.5" title="截止日已过仍未提交月报的项目（截至今天）">
        <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === true} />
        仅看逾期
      </label>
      <label className="flex items-center gap-1 pb-1.5">
        <input type="checkbox" name="group" value="unit" defaultChecked={query.group === "unit"} />
        按预算单位分组小计
      </label>
      <button type="submit" className="min-h-10 rounded bg-brand px-4 py-1 text-white hover:bg-brand-dark">
        筛选
      </button>
      <ClearFilters href={`/scorecard${scorecardSearch({ year: data.year ?? undefined, month: data.asOfMonth })}`} />
    </form>
  );
}
