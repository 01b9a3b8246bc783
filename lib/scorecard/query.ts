import { z } from "zod";
import { GRADES } from "@/lib/figures/labels";
import "@/lib/zod-locale";

/**
 * The scorecard's state as it lives in the URL (page and .xlsx export read the same parameters): fiscal year,
 * 截至月份, sort, filters, grouping, hidden columns, page. Invalid values fall back to the default instead of refusing the
 * page: a hand-edited or outdated link still opens.
 */

/** The table's columns, in display order, with their headers (the export uses the same words). */
export const SCORECARD_COLUMNS = [
  { id: "unit", header: "预算单位" },
  { id: "name", header: "项目名称" },
  { id: "lead", header: "项目负责人" },
  { id: "budget", header: "全年预算数（万元）" },
  { id: "executed", header: "执行数（万元）" },
  { id: "rate", header: "预算执行率" },
  { id: "submitted", header: "已提交月报" },
  { id: "approved", header: "已审核通过" },
  { id: "light", header: "预警" },
  { id: "projected", header: "预计得分" },
  { id: "final", header: "评价得分" },
  { id: "overdue", header: "逾期月份" },
] as const;

export type ScorecardColumnId = (typeof SCORECARD_COLUMNS)[number]["id"];
export const COLUMN_IDS = SCORECARD_COLUMNS.map((c) => c.id) as [ScorecardColumnId, ...ScorecardColumnId[]];
/** Columns the table cannot sort by: 逾期 is counted at read time (lib/deadlines), not stored with the figures. */
export const UNSORTABLE_COLUMNS: readonly ScorecardColumnId[] = ["overdue"];
/** Always shown: a row must say which sheet it is. */
export const FIXED_COLUMNS: readonly ScorecardColumnId[] = ["name"];

export const LIGHT_FILTERS = ["red", "yellow", "green", "blue", "none"] as const;
export type LightFilter = (typeof LIGHT_FILTERS)[number];

export const PAGE_SIZE = 50;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const param = <T extends z.ZodType>(schema: T) => z.preprocess((v) => blankToUndefined(first(v)), schema.optional()).catch(undefined);

// `cols=unit,name` or `cols=unit&cols=name` (a form's checkboxes): the shown columns; absent: all of them.
const shownColumns = z
  .preprocess((v) => {
    if (v === undefined || v === null) return undefined;
    const list = new Set((Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim()));
    return COLUMN_IDS.filter((id) => list.has(id) || FIXED_COLUMNS.includes(id));
  }, z.array(z.enum(COLUMN_IDS)).optional())
  .catch(undefined);

export const scorecardQuerySchema = z.object({
  year: param(z.coerce.number().int().min(1900).max(9999)),
  month: param(z.coerce.number().int().min(1).max(12)),
  sort: param(z.enum(COLUMN_IDS).refine((id) => !UNSORTABLE_COLUMNS.includes(id))),
  dir: param(z.enum(["asc", "desc"])),
  unit: param(z.coerce.number().int().positive().max(2_147_483_647)),
  light: param(z.enum(LIGHT_FILTERS)),
  grade: param(z.enum(GRADES)),
  /** `overdue=1`: only sheets with a month 逾期. */
  overdue: param(z.enum(["1"])),
  q: param(z.string().trim().max(100)),
  group: param(z.enum(["unit"])),
  cols: shownColumns,
  page: param(z.coerce.number().int().min(1).max(1_000_000)),
});

export interface ScorecardQuery {
  year?: number;
  /** 截至月份 (1–12); absent: the default of as-of-month.ts. */
  month?: number;
  sort: ScorecardColumnId;
  dir: "asc" | "desc";
  unit?: number;
  light?: LightFilter;
  grade?: (typeof GRADES)[number];
  /** Only sheets with a month not submitted by its deadline (as of now, whatever the 截至月份). */
  overdue?: true;
  q?: string;
  group?: "unit";
  /** Shown columns, in display order. */
  columns: ScorecardColumnId[];
  page: number;
}

/** Worst lights first: what a manager looks at first. */
export const DEFAULT_SORT: Pick<ScorecardQuery, "sort" | "dir"> = { sort: "light", dir: "desc" };

/** The query from URL search parameters (`Record` from a page, or URLSearchParams from a route). */
export function parseScorecardQuery(input: Record<string, string | string[] | undefined> | URLSearchParams): ScorecardQuery {
  const record: Record<string, string | string[] | undefined> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) {
      const all = input.getAll(key);
      record[key] = all.length > 1 ? all : all[0];
    }
  } else Object.assign(record, input);
  const parsed = scorecardQuerySchema.parse(record);
  const sort = parsed.sort ?? DEFAULT_SORT.sort;
  return {
    year: parsed.year,
    month: parsed.month,
    sort,
    dir: parsed.dir ?? (parsed.sort ? "asc" : DEFAULT_SORT.dir),
    unit: parsed.unit,
    light: parsed.light,
    grade: parsed.grade,
    overdue: parsed.overdue ? true : undefined,
    q: parsed.q || undefined,
    group: parsed.group,
    columns: parsed.cols ?? [...COLUMN_IDS],
    page: parsed.page ?? 1,
  };
}

/** The URL search string of a query (only what differs from the defaults), e.g. `?year=2025&light=red`. */
export function scorecardSearch(query: Partial<ScorecardQuery>): string {
  const params = new URLSearchParams();
  if (query.year !== undefined) params.set("year", String(query.year));
  if (query.month !== undefined) params.set("month", String(query.month));
  if (query.unit !== undefined) params.set("unit", String(query.unit));
  if (query.light) params.set("light", query.light);
  if (query.grade) params.set("grade", query.grade);
  if (query.overdue) params.set("overdue", "1");
  if (query.q) params.set("q", query.q);
  if (query.group) params.set("group", query.group);
  const sort = query.sort ?? DEFAULT_SORT.sort;
  const dir = query.dir ?? (query.sort ? "asc" : DEFAULT_SORT.dir);
  if (sort !== DEFAULT_SORT.sort || dir !== DEFAULT_SORT.dir) {
    params.set("sort", sort);
    params.set("dir", dir);
  }
  if (query.columns && query.columns.length < COLUMN_IDS.length) params.set("cols", query.columns.join(","));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
