import type { CreateDraftInput } from "@/lib/authoring/create-draft";

export { outcome, refusal } from "./errors";

/** Integration-test setup: a fresh seeded database with the demo users. */
export { seededTestDatabase as seededDatabase } from "./factory";

export const UNIT = "乌鲁木齐市科学技术局";

/** A small valid draft for 2026 (weights 90), as the editor would send it. */
export const draftInput = (overrides: Partial<CreateDraftInput> = {}): CreateDraftInput => ({
  year: 2026,
  department: "乌鲁木齐市科学技术局",
  unit: UNIT,
  name: "2026年科技创新券补助",
  lead: "冯先生",
  fundsFiscal: "１，２００",
  fundsOther: "0",
  goal: "支持科技型中小企业使用创新券购买研发服务，全年兑付创新券100家。",
  indicators: [
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "兑付创新券企业数量",
      targetRaw: "＞=100家",
      basis: "计划标准",
      lastYear: "-",
      weight: "30",
      rule: "按照完成比例赋分",
      evidence: "说明材料，工作资料",
    },
    {
      level1: "产出指标",
      level2: "质量指标",
      name: "兑付资金准确率",
      targetRaw: "=100%",
      basis: "计划标准",
      lastYear: "-",
      weight: "20",
      rule: "直接赋分",
      evidence: "说明材料",
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "企业研发投入",
      targetRaw: "有效提高",
      basis: "自定义",
      lastYear: "-",
      weight: "30",
      rule: "按评判等级赋分",
      evidence: ["说明材料"],
    },
    {
      level1: "满意度指标",
      level2: "满意度指标",
      name: "服务企业满意度",
      targetRaw: ">=90%",
      basis: "行业或国家标准",
      lastYear: "-",
      weight: "10",
      rule: "满意度赋分",
      evidence: [],
    },
  ],
  ...overrides,
});
