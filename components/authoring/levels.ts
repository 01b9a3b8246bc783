/**
 * The standard 一级/二级指标 of the 项目支出 and 部门整体 forms (财政部 indicator framework, as the
 * seed document uses it), 指标值设置依据 and 佐证资料 kinds: offered as choices, never required — a
 * sheet may use its own wording.
 */
export const LEVEL2_BY_LEVEL1: Readonly<Record<string, readonly string[]>> = {
  产出指标: ["数量指标", "质量指标", "时效指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["满意度指标", "服务对象满意度指标"],
  履职效能: ["数量指标", "质量指标", "时效指标"],
  管理效率: ["预算编制质量", "预算执行", "资产管理", "内部控制"],
};

export const LEVEL1_CHOICES = Object.keys(LEVEL2_BY_LEVEL1);

const ALL_LEVEL2 = [...new Set(Object.values(LEVEL2_BY_LEVEL1).flat())];

/** The 二级指标 that go with a 一级指标 (all of them for a custom one). */
export const level2Choices = (level1: string): readonly string[] => LEVEL2_BY_LEVEL1[level1.trim()] ?? ALL_LEVEL2;

export const BASIS_CHOICES = ["计划标准", "历史标准", "行业或国家标准", "自定义"] as const;
export const EVIDENCE_CHOICES = ["说明材料", "工作资料", "正式材料"] as const;
