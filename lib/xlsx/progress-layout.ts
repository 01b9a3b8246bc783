/**
 * The layout of a 进度填报工作簿 worksheet, shared by its writer and its reader (pure; the use cases are in
 * lib/progress-workbook). One worksheet per sheet:
 *
 * | row | A–L (visible)                                                                    | M–U (hidden)                    |
 * |-----|----------------------------------------------------------------------------------|---------------------------------|
 * | 1   | the sheet's name                                                                 | M: FORMAT_MARK                  |
 * | 2   | month, unit, lead, 时间进度                                                      |                                 |
 * | 3   | 执行数（截至M月，万元） (A–C) · the value (D, editable) · 全年预算数 (E–G) · note | M sheet id, O month, P the      |
 * |     |                                                                                  | month's version, Q 执行数 as    |
 * |     |                                                                                  | downloaded                      |
 * | 4   | how to fill it in                                                                |                                 |
 * | 5   | column captions (COLUMNS)                                                        | hidden captions                 |
 * | 6…  | one indicator per row; H–L editable                                              | ids, entry version, the row as  |
 * |     |                                                                                  | downloaded                      |
 *
 * The worksheet is protected (no password: against slips, not people): only the white cells take input. What
 * keeps an upload honest is the server, which checks every id, version and permission again.
 */

/** In M1 of every worksheet this system writes: the reader refuses a workbook without it. */
export const FORMAT_MARK = "绩效目标管理·进度填报工作簿·1";

/** The fields of a row a lead fills in, in column order. */
export const ENTRY_FIELDS = ["value", "likelihood", "forecast", "deviationReason", "improvement"] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

export const COL = {
  level1: 1,
  level2: 2,
  name: 3,
  target: 4,
  unit: 5,
  measureType: 6,
  previous: 7,
  value: 8,
  likelihood: 9,
  forecast: 10,
  deviationReason: 11,
  improvement: 12,
  // hidden
  sheetId: 13,
  indicatorId: 14,
  month: 15,
  version: 16,
  /** The five entry fields as downloaded, from here on in ENTRY_FIELDS order. */
  original: 17,
} as const;

export const LAST_VISIBLE_COL = COL.improvement;
export const LAST_COL = COL.original + ENTRY_FIELDS.length - 1;

export const ROW = { title: 1, info: 2, executed: 3, note: 4, header: 5, firstIndicator: 6 } as const;

/** Row 3: the 执行数 cell and, hidden, the month's identity. */
export const EXECUTED_COL = COL.target;
export const MONTH_VERSION_COL = COL.version;
export const ORIGINAL_EXECUTED_COL = COL.original;

/** Visible captions (row 5), with widths; the month's caption is filled in. */
export const captions = (month: number) =>
  [
    { col: COL.level1, caption: "一级指标", width: 10 },
    { col: COL.level2, caption: "二级指标", width: 12 },
    { col: COL.name, caption: "三级指标", width: 26 },
    { col: COL.target, caption: "指标值", width: 12 },
    { col: COL.unit, caption: "计量单位", width: 8 },
    { col: COL.measureType, caption: "计量方式", width: 9 },
    { col: COL.previous, caption: month > 1 ? `上月完成值（截至${month - 1}月）` : "上月完成值", width: 12 },
    { col: COL.value, caption: `本月完成值（截至${month}月）`, width: 14 },
    { col: COL.likelihood, caption: "完成目标可能性", width: 13 },
    { col: COL.forecast, caption: "全年预计完成值", width: 13 },
    { col: COL.deviationReason, caption: "偏差原因", width: 26 },
    { col: COL.improvement, caption: "改进措施", width: 26 },
  ] as const;

/** Column names as problems name them (`第 7 行“全年预计完成值”`). */
export const FIELD_CAPTION: Record<EntryField, string> = {
  value: "本月完成值",
  likelihood: "完成目标可能性",
  forecast: "全年预计完成值",
  deviationReason: "偏差原因",
  improvement: "改进措施",
};
export const EXECUTED_CAPTION = "执行数";

export const HIDDEN_CAPTIONS: Record<number, string> = {
  [COL.sheetId]: "表编号",
  [COL.indicatorId]: "指标编号",
  [COL.month]: "月份",
  [COL.version]: "版本",
  ...Object.fromEntries(ENTRY_FIELDS.map((f, i) => [COL.original + i, `原${FIELD_CAPTION[f]}`])),
};

/** The lists of the data validations: the form's own words. */
export { QUALITATIVE_STATUSES as QUALITATIVE_CHOICES } from "@/lib/scoring/indicator-light";
export { LIKELIHOOD_LABELS as LIKELIHOOD_CHOICES } from "@/lib/columns/likelihood";
