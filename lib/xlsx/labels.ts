/**
 * The captions of the official 绩效目标表 and the variants budget units actually type. Captions are
 * matched after `labelKey`, so width of brackets, colons, line breaks and a `（万元）` suffix never matter.
 */

export type SheetKind = "project" | "department";

export const PROJECT_TITLE = "项目支出绩效目标表";
export const DEPARTMENT_TITLE = "部门整体绩效目标表";
export const DEPARTMENT_SHEET_NAME = "部门整体绩效目标";

/** `其中：财政\n拨款` → `财政拨款`; `项目资金(万元)` → `项目资金`; `部门名称（盖章）` → `部门名称`. */
export function labelKey(text: string): string {
  return text
    .replace(/\s+/gu, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/：/g, ":")
    .replace(/^\*+|\*+$/g, "") // required-field markers
    .replace(/^其中:/, "")
    .replace(/\((盖章|万元|元|分|%)\)/g, "")
    .replace(/:+$/, "");
}

export type HeaderField = "unit" | "name" | "lead" | "total" | "fiscal" | "other" | "goal" | "upper" | "local";

/** Header captions → field. Several captions may feed one field; the first one with a value wins. */
export const HEADER_LABELS: ReadonlyMap<string, HeaderField> = new Map<string, HeaderField>([
  ["预算单位", "unit"],
  ["预算单位名称", "unit"],
  ["单位名称", "unit"],
  ["部门名称", "unit"],
  ["部门(单位)名称", "unit"],
  ["项目名称", "name"],
  ["项目负责人", "lead"],
  ["负责人", "lead"],
  ["部门联系人", "lead"],
  ["联系人", "lead"],
  ["年度预算总额", "total"],
  ["预算总额", "total"],
  ["年度资金总额", "total"],
  ["项目资金总额", "total"],
  ["财政拨款", "fiscal"],
  ["财政资金", "fiscal"],
  ["其他资金", "other"],
  ["其他", "other"],
  ["项目总体目标", "goal"],
  ["总体目标", "goal"],
  ["项目绩效目标", "goal"],
  ["年度绩效目标", "goal"],
  ["年度总体目标", "goal"],
  ["绩效目标", "goal"],
  ["上级安排", "upper"],
  ["本级安排", "local"],
]);

/** Captions that hold no value of their own: a value search stops at them. */
const OTHER_LABELS = new Set(["联系电话", "电话", "项目资金", "年度预算", "资金来源", "资金总额", "其中"]);

export const UNIT_LABEL_KEYS = new Set([...HEADER_LABELS].filter(([, f]) => f === "unit").map(([k]) => k));

export type ColumnField = "level1" | "level2" | "name" | "targetRaw" | "basis" | "lastYear" | "weight" | "rule" | "evidence";

export const COLUMN_LABELS: ReadonlyMap<string, ColumnField> = new Map<string, ColumnField>([
  ["一级指标", "level1"],
  ["二级指标", "level2"],
  ["三级指标", "name"],
  ["指标值", "targetRaw"],
  ["年度指标值", "targetRaw"],
  ["指标目标值", "targetRaw"],
  ["目标值", "targetRaw"],
  ["指标值设置依据", "basis"],
  ["指标值设定依据", "basis"],
  ["指标设定依据", "basis"],
  ["指标设置依据", "basis"],
  ["指标值确定依据", "basis"],
  ["设置依据", "basis"],
  ["设定依据", "basis"],
  ["上年完成值", "lastYear"],
  ["上年实际完成值", "lastYear"],
  ["上年指标值", "lastYear"],
  ["指标分值权重", "weight"],
  ["分值权重", "weight"],
  ["指标分值", "weight"],
  ["指标权重", "weight"],
  ["分值", "weight"],
  ["权重", "weight"],
  ["指标赋分规则", "rule"],
  ["赋分规则", "rule"],
  ["评分规则", "rule"],
  ["佐证资料", "evidence"],
  ["佐证材料", "evidence"],
]);

export const isLabel = (key: string): boolean => HEADER_LABELS.has(key) || COLUMN_LABELS.has(key) || OTHER_LABELS.has(key);

/**
 * `项目支出绩效目标表`, `2025年项目支出绩效目标表`, `部门（单位）整体绩效目标表` … A long cell that merely mentions
 * a 绩效目标表 (an instructions paragraph) is not a title.
 */
export function titleKind(text: string): SheetKind | undefined {
  const key = labelKey(text);
  if (key.length > 30 || !/绩效目标表$/.test(key.replace(/\(\d{4}年度?\)$/, ""))) return undefined;
  return key.includes("整体") ? "department" : "project";
}

/** Where a note below a table begins (`注：…`, `填写说明：…`): the table has ended. */
export const isNote = (text: string): boolean =>
  /^(注|备注|说明|填表说明|填写说明)\s*[:：\d１-９一二三、.．]/u.test(text.trim()) || /^(填表说明|填写说明)$/.test(labelKey(text));

/** Field captions as shown in problems, per form (the department form words some of them differently). */
const HEADER_NAMES: Record<SheetKind, Record<HeaderField, string>> = {
  project: {
    unit: "预算单位",
    name: "项目名称",
    lead: "项目负责人",
    total: "年度预算总额",
    fiscal: "财政拨款",
    other: "其他资金",
    goal: "项目总体目标",
    upper: "上级安排",
    local: "本级安排",
  },
  department: {
    unit: "部门名称",
    name: "项目名称",
    lead: "部门联系人",
    total: "资金总额",
    fiscal: "财政资金",
    other: "其他",
    goal: "年度绩效目标",
    upper: "上级安排",
    local: "本级安排",
  },
};

const COLUMN_NAMES: Record<SheetKind, Record<ColumnField, string>> = {
  project: {
    level1: "一级指标",
    level2: "二级指标",
    name: "三级指标",
    targetRaw: "指标值",
    basis: "指标值设置依据",
    lastYear: "上年完成值",
    weight: "指标分值权重",
    rule: "指标赋分规则",
    evidence: "佐证资料",
  },
  department: {
    level1: "一级指标",
    level2: "二级指标",
    name: "三级指标",
    targetRaw: "指标值",
    basis: "指标设定依据",
    lastYear: "上年完成值",
    weight: "分值权重",
    rule: "指标赋分规则",
    evidence: "佐证资料",
  },
};

export const headerName = (kind: SheetKind, field: HeaderField): string => HEADER_NAMES[kind][field];
export const columnName = (kind: SheetKind, field: ColumnField): string => COLUMN_NAMES[kind][field];
