import { ROLE_LABEL } from "@/components/layout/role-label";
import { BAND_OF } from "@/lib/evaluation/labels";
import { LIKELIHOOD_LABEL, MEASURE_TYPE_LABEL, QUALITATIVE_LABEL } from "@/lib/progress/labels";

/**
 * Words of the 操作日志 (docs/ux.md): actions, kinds of record, field names and coded values as the users
 * call them. Unknown codes are shown as they are, so a new action appears before it has a label here —
 * add its words when you add an action.
 */

export const ACTION_LABEL: Record<string, string> = {
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.password.reset": "重置密码",
  "user.password.change": "修改密码",
  "user.lock": "锁定账号（登录失败次数过多）",
  "user.lock.address": "暂停某地址登录该账号（登录失败次数过多）",
  "user.unlock": "解除登录锁定",
  "sign-in.address.lock": "暂停某地址登录（登录失败次数过多）",
  "assignment.create": "分配",
  "assignment.delete": "取消分配",
  "sheet.import": "导入绩效目标表",
  "sheet.replace": "覆盖导入绩效目标表",
  "sheet.create": "新建绩效目标表",
  "sheet.update": "修改绩效目标表",
  "sheet.submit": "提交绩效目标表",
  "sheet.return": "退回绩效目标表",
  "sheet.publish": "发布绩效目标表",
  "sheet.rollover": "结转下一年度",
  "department.create": "新建部门",
  "department.rename": "修改部门名称",
  "department.delete": "删除部门",
  "unit.create": "新建预算单位",
  "unit.rename": "修改预算单位名称",
  "unit.delete": "删除预算单位",
  "indicator.create": "新增指标",
  "indicator.update": "修改指标",
  "indicator.delete": "删除指标",
  "indicator.measureType": "修改计量方式",
  "target.adjust": "调整指标值",
  "progress.save": "进度填报",
  "progress.executed": "填报执行数",
  "budget.adjust": "调整预算",
  "month.submit": "提交",
  "month.approve": "审核通过",
  "month.return": "退回",
  "month.reopen": "重新打开",
  "evidence.upload": "上传佐证资料",
  "evidence.delete": "删除佐证资料",
  "self-evaluation.write": "自评",
  "self-evaluation.submit": "提交自评",
  "evaluation.write": "年终评价",
  "evaluation.finalise": "完成评价",
  "evaluation.reopen": "重新打开评价",
  "fiscal-year.create": "新增年度",
  "period.lock": "锁定填报期间",
  "period.unlock": "解除锁定填报期间",
};

export const ENTITY_LABEL: Record<string, string> = {
  User: "用户",
  TargetSheet: "绩效目标表",
  SheetAssignment: "分工",
  Indicator: "指标",
  SheetMonth: "月度填报",
  ProgressEntry: "进度填报",
  BudgetAdjustment: "调整预算",
  EvidenceFile: "佐证资料",
  Department: "部门",
  BudgetUnit: "预算单位",
  FiscalYear: "年度",
  TargetAdjustment: "指标调整",
  Evaluation: "年终评价",
  EvaluationRow: "年终评价（指标）",
  ClientAddress: "来源地址",
};

/** Field names, in the order the changes of an entry are listed. */
export const FIELD_LABEL: Record<string, string> = {
  username: "用户名",
  displayName: "姓名",
  sheet: "绩效目标表",
  sheetIds: "绩效目标表",
  user: "用户",
  role: "角色",
  department: "部门",
  active: "状态",
  password: "密码",
  failedLogins: "连续输错次数",
  lockedUntil: "锁定至",
  address: "来源地址",
  addresses: "来源地址",
  failures: "失败次数",
  lockCount: "连续锁定次数",
  kind: "类型",
  unit: "预算单位",
  name: "名称",
  lead: "项目负责人",
  funds: "项目资金",
  total: "合计",
  fiscal: "财政拨款",
  other: "其他资金",
  goal: "项目总体目标",
  budgetExecutionWeight: "预算执行率分值",
  indicators: "指标",
  indicator: "指标",
  level1: "一级指标",
  level2: "二级指标",
  targetRaw: "指标值",
  target: "指标值（解析）",
  op: "比较符",
  value: "实际完成值",
  qualitative: "定性指标值",
  basis: "指标值设置依据",
  lastYear: "上年完成值",
  weight: "分值/权重",
  rule: "赋分规则",
  evidence: "佐证资料",
  measureType: "计量方式",
  month: "月份",
  qualitativeValue: "实际完成值",
  likelihood: "完成目标可能性",
  forecast: "全年预计完成值",
  deviationReason: "偏差原因",
  improvement: "改进措施",
  executed: "执行数",
  status: "状态",
  reviewComment: "审核意见",
  amount: "调整金额",
  reason: "原因",
  originalName: "文件名",
  grade: "评价等级",
  band: "评价档次",
  score: "得分",
  deduction: "扣分",
  points: "分值",
  actual: "实际完成值",
  gradeScore: "评分",
  deductionPoints: "扣分",
  deductionReason: "扣分理由",
  reopenReason: "重新打开原因",
  earlyFinaliseReason: "提前定稿原因（负责人未提交自评）",
  fullYearBudget: "全年预算数",
  beforeTargetRaw: "调整前指标值",
  afterTargetRaw: "调整后指标值",
  year: "年度",
  lockedThroughMonth: "锁定至（月，0为未锁定）",
};

/** Comparison signs of a target as the sheet prints them. */
const OP_LABEL: Record<string, string> = { GTE: ">=", GT: ">", EQ: "=", LTE: "<=", LT: "<" };

/** Sheet kinds, upper case as stored, lower case as the sheet documents write them. */
const KIND_LABEL: Record<string, string> = {
  PROJECT: "项目支出绩效目标表",
  DEPARTMENT: "部门整体绩效目标",
  project: "项目支出绩效目标表",
  department: "部门整体绩效目标",
  SELF: "自评",
  EVALUATOR: ROLE_LABEL.EVALUATOR,
};

const STATUS_LABEL: Record<string, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交",
  APPROVED: "审核通过",
  RETURNED: "退回",
  PUBLISHED: "已发布",
  FINAL: "已完成",
};

/**
 * Fields whose value is a code with a Chinese name, and those names — the same words the rest of the
 * application uses (the lib label maps), per field: ACHIEVED is 达成 as a qualitative actual but
 * 达成年度指标 as an evaluation band.
 */
const CODES_OF: Record<string, Readonly<Record<string, string>>> = {
  role: ROLE_LABEL,
  kind: KIND_LABEL,
  measureType: { ...MEASURE_TYPE_LABEL, cumulative: MEASURE_TYPE_LABEL.CUMULATIVE, level: MEASURE_TYPE_LABEL.LEVEL },
  status: STATUS_LABEL,
  qualitativeValue: QUALITATIVE_LABEL,
  likelihood: LIKELIHOOD_LABEL,
  op: OP_LABEL,
  targetOp: OP_LABEL,
  band: BAND_OF,
};

export function codeLabel(field: string, value: string): string {
  const codes = Object.hasOwn(CODES_OF, field) ? CODES_OF[field] : undefined;
  return (codes && Object.hasOwn(codes, value) ? codes[value] : undefined) ?? value;
}
