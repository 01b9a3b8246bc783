import { withoutControls } from "@/lib/input";

/**
 * Turns a path into the input (`["sheets", 1, "indicators", 2, "weight"]`) into words a person can
 * find in their file: `第2张表「项目名」第3行「指标名」指标分值权重（weight）`.
 */

const FIELD_LABELS: Record<string, string> = {
  department: "部门名称",
  fiscalYear: "年度",
  sheets: "绩效目标表列表",
  kind: "类型",
  unit: "预算单位",
  name: "名称",
  lead: "项目负责人",
  funds: "项目资金",
  total: "年度预算总额",
  fiscal: "财政拨款",
  other: "其他资金",
  goal: "项目总体目标",
  budgetExecutionWeight: "预算执行率分值",
  indicators: "指标列表",
  level1: "一级指标",
  level2: "二级指标",
  targetRaw: "指标值",
  target: "指标值解析结果",
  op: "比较符",
  value: "数值",
  qualitative: "定性指标值",
  basis: "指标值设置依据",
  lastYear: "上年完成值",
  weight: "指标分值权重",
  rule: "赋分规则",
  evidence: "佐证资料",
  measureType: "计量方式",
  executed: "全年执行数",
  actual: "实际完成值",
  grade: "评判等级",
  band: "等级",
  score: "评分",
  deduction: "扣分",
  points: "扣分分值",
  reason: "扣分原因",
};

/** Longest name quoted in a location; a longer one (a pasted paragraph) is cut with `…`. */
const MAX_QUOTED = 60;

/** The name as the location quotes it: control characters shown as `�`, never written to a terminal or page. */
const nameOf = (node: unknown): string | undefined => {
  const raw = (node as { name?: unknown } | null)?.name;
  const name = typeof raw === "string" ? withoutControls(raw.trim()) : "";
  if (!name) return undefined;
  return name.length > MAX_QUOTED ? `${name.slice(0, MAX_QUOTED)}…` : name;
};

export function locate(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  const fields: string[] = [];
  let node: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = (node as Record<PropertyKey, unknown> | null)?.[key as string];
    if ((path[i - 1] === "sheets" || path[i - 1] === "indicators") && typeof key === "number") {
      const label = path[i - 1] === "sheets" ? `第${key + 1}张表` : `第${key + 1}行`;
      const name = nameOf(next);
      parts.push(name ? `${label}「${name}」` : label);
    } else if (typeof key === "string" && !(key === "sheets" || key === "indicators")) {
      fields.push(FIELD_LABELS[key] ? `${FIELD_LABELS[key]}（${key}）` : key);
    } else if (typeof key === "number") {
      fields.push(`[${key + 1}]`);
    }
    node = next;
  }
  // A problem with a whole list (e.g. "at least one indicator") names the list itself.
  const last = path[path.length - 1];
  if ((last === "sheets" || last === "indicators") && fields.length === 0) fields.push(`${FIELD_LABELS[last]}（${last}）`);
  return [parts.join(""), fields.join(".")].filter(Boolean).join(" ");
}
