import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { interchangeSchema, type InterchangeFile, type InterchangeIndicator, type InterchangeSheet } from "./schema";

/**
 * The 2025 seed: the 部门整体绩效目标表 and the 13 项目支出绩效目标表 of the published budget of
 * 乌鲁木齐市科学技术局 (the bureau's published 2025 budget), transcribed per docs/transcription.md.
 * Expected values below are typed from the document, not copied from the JSON.
 */
const seedPath = fileURLToPath(new URL("../../prisma/seed/urumqi-sti-2025.json", import.meta.url));
const rawText = readFileSync(seedPath, "utf8");
const seed = JSON.parse(rawText) as InterchangeFile;
const sheets = seed.sheets;

const sheetNamed = (name: string): InterchangeSheet => {
  const found = sheets.filter((s) => s.name === name);
  expect(found, `sheet ${name}`).toHaveLength(1);
  return found[0]!;
};
const rowNamed = (sheet: InterchangeSheet, name: string): InterchangeIndicator => {
  const found = sheet.indicators.filter((i) => i.name === name);
  expect(found, `row ${name} in ${sheet.name}`).toHaveLength(1);
  return found[0]!;
};

/** Tiny local normaliser (independent of the project's parser): printed 指标值 → expected target. */
const OPS: [string, string][] = [
  ["＞=", ">="],
  ["≥", ">="],
  [">=", ">="],
  ["＜=", "<="],
  ["≤", "<="],
  ["<=", "<="],
  ["＞", ">"],
  [">", ">"],
  ["＜", "<"],
  ["<", "<"],
  ["＝", "="],
  ["=", "="],
];
function expectedTarget(raw: string): { op: string; value: string; unit: string } | { qualitative: string } {
  const s = raw.replace(/\s+/g, "");
  for (const [printed, op] of OPS) {
    if (!s.startsWith(printed)) continue;
    const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(s.slice(printed.length));
    if (m) return { op, value: m[1]!, unit: m[2]! };
    break;
  }
  return { qualitative: s };
}

describe("seed data prisma/seed/urumqi-sti-2025.json", () => {
  it("is UTF-8 JSON with 2-space indentation and a trailing newline", () => {
    expect(rawText.endsWith("}\n")).toBe(true);
    expect(rawText.startsWith('{\n  "department": ')).toBe(true);
    expect(JSON.stringify(seed, null, 2) + "\n").toBe(rawText);
  });

  it("validates against the interchange schema", () => {
    const result = interchangeSchema.safeParse(seed);
    expect(result.success, result.success ? "" : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it("has the department, the year and 14 sheets with 105 indicators", () => {
    expect(seed.department).toBe("乌鲁木齐市科学技术局");
    expect(seed.fiscalYear).toBe(2025);
    expect(sheets).toHaveLength(14);
    expect(sheets.reduce((n, s) => n + s.indicators.length, 0)).toBe(105);
  });

  it("has exactly one department sheet, first", () => {
    expect(sheets.filter((s) => s.kind === "department")).toHaveLength(1);
    expect(sheets[0]!.kind).toBe("department");
    expect(sheets.slice(1).every((s) => s.kind === "project")).toBe(true);
  });

  it("lists the sheets in document order with their indicator counts", () => {
    expect(sheets.map((s) => [s.name, s.indicators.length])).toEqual([
      ["部门整体绩效目标", 5],
      ["2025年“两区”创新建设专项", 7],
      ["2025年科教兴市栏目、科技统计与文献服务经费", 7],
      ["2025年人才发展资金--红山科创英才培养项目（+上年结转资金）", 8],
      ["2025年人才发展资金--重点领域科技创新攻关“揭榜挂帅”项目（+上年结转资金）", 7],
      ["“小微企业创业创新综合管理信息服务大平台”机房运行维护费", 7],
      ["对外合作交流工作经费", 7],
      ["科技人才、科学决策与技术市场专项（+上年结转资金）", 8],
      ["落实2023年厅地联动市级配套专项资金", 7],
      ["提前下达2025年“三区”科技人才专项资金", 11],
      ["乌鲁木齐市系列科普工作", 7],
      ["自治区财政科研项目资金--自治区科技特派员工作经费（上年结转资金）", 10],
      ["自治区财政科研项目资金-企业科研诚信行为规范工作指引的研制", 7],
      ["自治区财政科研项目资金-新疆创新创业大赛工作经费", 7],
    ]);
  });

  it("has indicator weights summing to 90 on every sheet", () => {
    for (const s of sheets) {
      expect(
        s.indicators.reduce((n, i) => n + Number(i.weight), 0),
        s.name,
      ).toBe(90);
      expect(s.indicators.every((i) => typeof i.weight === "number")).toBe(true);
    }
  });

  it("uses exactly the three budget units", () => {
    expect(new Set(sheets.map((s) => s.unit))).toEqual(
      new Set(["乌鲁木齐市科学技术局", "乌鲁木齐科技信息服务中心", "乌鲁木齐市技术创新研发与科技成果转化中心"]),
    );
  });

  it("has funds that add up (total = fiscal + other), as 2-decimal strings", () => {
    for (const s of sheets) {
      for (const v of [s.funds.total, s.funds.fiscal, s.funds.other]) expect(v, s.name).toMatch(/^\d+\.\d{2}$/);
      const cents = (v: string) => Math.round(Number(v) * 100);
      expect(cents(s.funds.fiscal) + cents(s.funds.other), s.name).toBe(cents(s.funds.total));
    }
  });

  it("has no whitespace in any text field except the department lead's single space", () => {
    const offenders: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === "string") {
        if (/\s/.test(v) && path !== "sheets[0].lead") offenders.push(`${path}: ${JSON.stringify(v)}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    };
    walk(seed, "");
    expect(offenders).toEqual([]);
    expect(sheets[0]!.lead).toBe("来丽拉 张春丽");
  });

  it("has a target consistent with targetRaw on every row", () => {
    for (const s of sheets) {
      for (const i of s.indicators) {
        expect(i.target, `${s.name} / ${i.name}`).toEqual(expectedTarget(i.targetRaw));
      }
    }
    const qualitative = sheets.flatMap((s) => s.indicators).filter((i) => i.target && "qualitative" in i.target);
    expect(qualitative).toHaveLength(13);
  });

  it("follows the department-sheet conventions on every department row", () => {
    for (const i of sheets[0]!.indicators) {
      expect(i.level1).toBe("履职效能");
      expect(i.lastYear).toBe("");
      expect(i.rule).toBe("");
      expect(i.evidence).toEqual([]);
    }
  });

  it("has evidence kinds from the document's vocabulary on project rows", () => {
    for (const s of sheets.slice(1)) {
      for (const i of s.indicators) {
        expect(i.evidence.length, `${s.name} / ${i.name}`).toBeGreaterThan(0);
        for (const e of i.evidence) expect(["说明材料", "工作资料", "正式材料"]).toContain(e);
      }
    }
  });

  describe("sheet headers as printed", () => {
    const header = (s: InterchangeSheet) => ({
      kind: s.kind,
      unit: s.unit,
      name: s.name,
      lead: s.lead,
      funds: s.funds,
      goal20: s.goal.slice(0, 20),
    });

    it("部门整体绩效目标表", () => {
      const s = sheets[0]!;
      expect(header(s)).toEqual({
        kind: "department",
        unit: "乌鲁木齐市科学技术局",
        name: "部门整体绩效目标",
        lead: "来丽拉 张春丽",
        funds: { total: "5932.17", fiscal: "5932.17", other: "0.00" },
        goal20: "依据我单位“三定方案”中的“推动企业科技",
      });
      expect(s.goal.endsWith("培育科技创新领军企业5家，力争高新技术企业总数增长6%。")).toBe(true);
    });

    it("红山科创英才培养项目", () => {
      const s = sheetNamed("2025年人才发展资金--红山科创英才培养项目（+上年结转资金）");
      expect(header(s)).toEqual({
        kind: "project",
        unit: "乌鲁木齐市科学技术局",
        name: "2025年人才发展资金--红山科创英才培养项目（+上年结转资金）",
        lead: "范先生",
        funds: { total: "1338.84", fiscal: "1338.84", other: "0.00" },
        goal20: "红山科创英才培养项目以3年为一个管理周期",
      });
    });

    it("乌鲁木齐市系列科普工作 (funded by 其他资金)", () => {
      const s = sheetNamed("乌鲁木齐市系列科普工作");
      expect(header(s)).toEqual({
        kind: "project",
        unit: "乌鲁木齐科技信息服务中心",
        name: "乌鲁木齐市系列科普工作",
        lead: "范先生",
        funds: { total: "10.00", fiscal: "0.00", other: "10.00" },
        goal20: "1.开展科普活动数量≥1次，2.举办科技",
      });
      expect(s.goal).toBe("1.开展科普活动数量≥1次，2.举办科技活动周活动次数≥1次，3.开展青少年科技教育基地评估数量≥5家，4.科普覆盖人数≥30人。");
    });

    it("企业科研诚信行为规范工作指引的研制", () => {
      const s = sheetNamed("自治区财政科研项目资金-企业科研诚信行为规范工作指引的研制");
      expect(header(s)).toEqual({
        kind: "project",
        unit: "乌鲁木齐市技术创新研发与科技成果转化中心",
        name: "自治区财政科研项目资金-企业科研诚信行为规范工作指引的研制",
        lead: "文先生",
        funds: { total: "3.33", fiscal: "0.00", other: "3.33" },
        goal20: "通过研制企业科研诚信行为规范，完成1篇验",
      });
    });

    it("科教兴市栏目 (goal with ≧ and a removed inter-sentence space)", () => {
      const s = sheetNamed("2025年科教兴市栏目、科技统计与文献服务经费");
      expect(header(s)).toEqual({
        kind: "project",
        unit: "乌鲁木齐科技信息服务中心",
        name: "2025年科教兴市栏目、科技统计与文献服务经费",
        lead: "杨先生",
        funds: { total: "36.79", fiscal: "36.79", other: "0.00" },
        goal20: "全年24期，每两周播出一期（第一周正播一",
      });
      expect(s.goal).toContain("全年播出48次。专项统计类型≧11个，文献下载≧4万余篇");
    });
  });

  describe("rows as printed", () => {
    it("department sheet: 新增市级以上各类各级科技创新孵化载体数量", () => {
      expect(sheets[0]!.indicators[1]).toEqual({
        level1: "履职效能",
        level2: "数量指标",
        name: "新增市级以上各类各级科技创新孵化载体数量",
        targetRaw: "＞=5家",
        target: { op: ">=", value: "5", unit: "家" },
        basis: "《关于印发《乌鲁木齐市“红山众创行动计划”实施方案（2023—2025年）》的通知（乌政办发[2023]13号）",
        lastYear: "",
        weight: 10,
        rule: "",
        evidence: [],
      });
      expect(sheets[0]!.indicators[4]).toEqual({
        level1: "履职效能",
        level2: "质量指标",
        name: "高新技术企业增长率",
        targetRaw: "＞=6%",
        target: { op: ">=", value: "6", unit: "%" },
        basis: "《科技创新支撑乌鲁木齐市高质量发展行动方案（2023—2025年）》",
        lastYear: "",
        weight: 20,
        rule: "",
        evidence: [],
      });
    });

    it("qualitative row: 推动产业关键核心技术攻关实现突破", () => {
      const s = sheetNamed("2025年“两区”创新建设专项");
      expect(rowNamed(s, "推动产业关键核心技术攻关实现突破")).toEqual({
        level1: "效益指标",
        level2: "社会效益指标",
        name: "推动产业关键核心技术攻关实现突破",
        targetRaw: "有效推动",
        target: { qualitative: "有效推动" },
        basis: "计划标准",
        lastYear: "-",
        weight: 40,
        rule: "按评判等级赋分",
        evidence: ["说明材料"],
      });
      expect(rowNamed(s, "产业核心技术攻关项目培养研发人员、研究生等的数量")).toEqual({
        level1: "产出指标",
        level2: "数量指标",
        name: "产业核心技术攻关项目培养研发人员、研究生等的数量",
        targetRaw: "＞=3人",
        target: { op: ">=", value: "3", unit: "人" },
        basis: "计划标准",
        lastYear: "3人",
        weight: 5,
        rule: "按照完成比例赋分",
        evidence: ["说明材料"],
      });
    });

    it("＞=3.5亿元 row: 年度技术合同交易额度", () => {
      const s = sheetNamed("科技人才、科学决策与技术市场专项（+上年结转资金）");
      expect(rowNamed(s, "年度技术合同交易额度")).toEqual({
        level1: "效益指标",
        level2: "经济效益指标",
        name: "年度技术合同交易额度",
        targetRaw: "＞=3.5亿元",
        target: { op: ">=", value: "3.5", unit: "亿元" },
        basis: "自定义",
        lastYear: "3亿元",
        weight: 30,
        rule: "按评判等级赋分",
        evidence: ["工作资料"],
      });
      expect(rowNamed(s, "推动科技人才培养,促进技术市场发展，推动科技成果转化")).toEqual({
        level1: "效益指标",
        level2: "社会效益指标",
        name: "推动科技人才培养,促进技术市场发展，推动科技成果转化",
        targetRaw: "有效促进",
        target: { qualitative: "有效促进" },
        basis: "计划标准",
        lastYear: "有效促进",
        weight: 10,
        rule: "按评判等级赋分",
        evidence: ["说明材料"],
      });
    });

    it("＜=2小时 row and two evidence kinds: 机房运行维护费", () => {
      const s = sheetNamed("“小微企业创业创新综合管理信息服务大平台”机房运行维护费");
      expect(rowNamed(s, "非正常停机率")).toEqual({
        level1: "产出指标",
        level2: "时效指标",
        name: "非正常停机率",
        targetRaw: "＜=2小时",
        target: { op: "<=", value: "2", unit: "小时" },
        basis: "自定义",
        lastYear: "新增指标，无上年完成值。",
        weight: 5,
        rule: "按照完成比例赋分",
        evidence: ["工作资料", "说明材料"],
      });
      expect(rowNamed(s, "大平台机房主要耗电设备数量")).toEqual({
        level1: "产出指标",
        level2: "数量指标",
        name: "大平台机房主要耗电设备数量",
        targetRaw: "＞=2台",
        target: { op: ">=", value: "2", unit: "台" },
        basis: "历史标准",
        lastYear: "2台",
        weight: 10,
        rule: "按照完成比例赋分",
        evidence: ["说明材料", "工作资料"],
      });
    });

    it("=24期 and ＜=5% rows: 科教兴市栏目", () => {
      const s = sheetNamed("2025年科教兴市栏目、科技统计与文献服务经费");
      expect(s.indicators[0]).toEqual({
        level1: "产出指标",
        level2: "数量指标",
        name: "当年科教兴市栏目制作期数",
        targetRaw: "=24期",
        target: { op: "=", value: "24", unit: "期" },
        basis: "计划标准",
        lastYear: "24期",
        weight: 10,
        rule: "按照完成比例赋分",
        evidence: ["工作资料"],
      });
      expect(rowNamed(s, "系统故障率（%）")).toEqual({
        level1: "产出指标",
        level2: "质量指标",
        name: "系统故障率（%）",
        targetRaw: "＜=5%",
        target: { op: "<=", value: "5", unit: "%" },
        basis: "计划标准",
        lastYear: "0",
        weight: 10,
        rule: "直接赋分",
        evidence: ["工作资料", "说明材料"],
      });
      expect(rowNamed(s, "服务企业满意度（%）")).toEqual({
        level1: "满意度指标",
        level2: "满意度指标",
        name: "服务企业满意度（%）",
        targetRaw: "＞=90%",
        target: { op: ">=", value: "90", unit: "%" },
        basis: "自定义",
        lastYear: "100%",
        weight: 10,
        rule: "满意度赋分",
        evidence: ["说明材料"],
      });
    });

    it("lastYear ending in 。: 乌鲁木齐市系列科普工作", () => {
      const s = sheetNamed("乌鲁木齐市系列科普工作");
      expect(rowNamed(s, "科普覆盖人数（人）")).toEqual({
        level1: "产出指标",
        level2: "质量指标",
        name: "科普覆盖人数（人）",
        targetRaw: "＞=30人",
        target: { op: ">=", value: "30", unit: "人" },
        basis: "计划标准",
        lastYear: "新增指标，无上年完成值。",
        weight: 10,
        rule: "直接赋分",
        evidence: ["工作资料", "说明材料"],
      });
    });

    it("ASCII >= rows: 新疆创新创业大赛工作经费", () => {
      const s = sheetNamed("自治区财政科研项目资金-新疆创新创业大赛工作经费");
      expect(s.indicators[0]).toEqual({
        level1: "产出指标",
        level2: "数量指标",
        name: "组织企业外出参赛人员数量",
        targetRaw: ">=1人",
        target: { op: ">=", value: "1", unit: "人" },
        basis: "历史标准",
        lastYear: "1人",
        weight: 10,
        rule: "按照完成比例赋分",
        evidence: ["工作资料"],
      });
      expect(s.indicators[6]).toEqual({
        level1: "效益指标",
        level2: "社会效益指标",
        name: "营造大众创业，万众创新良好氛围",
        targetRaw: "创新创业意识明显增强",
        target: { qualitative: "创新创业意识明显增强" },
        basis: "自定义",
        lastYear: "创新创业意识明显增强",
        weight: 40,
        rule: "按评判等级赋分",
        evidence: ["工作资料"],
      });
    });

    it("行业或国家标准 basis and 正式材料: 三区科技人才专项资金", () => {
      const s = sheetNamed("提前下达2025年“三区”科技人才专项资金");
      expect(s.indicators[0]).toEqual({
        level1: "产出指标",
        level2: "数量指标",
        name: "为选派科技人才购买人身保险",
        targetRaw: "=25份",
        target: { op: "=", value: "25", unit: "份" },
        basis: "行业或国家标准",
        lastYear: "25份",
        weight: 5,
        rule: "按照完成比例赋分",
        evidence: ["工作资料"],
      });
      expect(rowNamed(s, "选派科技人员数量")).toEqual({
        level1: "产出指标",
        level2: "数量指标",
        name: "选派科技人员数量",
        targetRaw: "=25人",
        target: { op: "=", value: "25", unit: "人" },
        basis: "计划标准",
        lastYear: "25人",
        weight: 6,
        rule: "按照完成比例赋分",
        evidence: ["正式材料"],
      });
    });

    it("生态效益指标 row: 红山科创英才培养项目", () => {
      const s = sheetNamed("2025年人才发展资金--红山科创英才培养项目（+上年结转资金）");
      expect(s.indicators[7]).toEqual({
        level1: "效益指标",
        level2: "生态效益指标",
        name: "对社会经济有促进和推动作用",
        targetRaw: "有效促进",
        target: { qualitative: "有效促进" },
        basis: "自定义",
        lastYear: "当年指标，无上年完成情况",
        weight: 40,
        rule: "按评判等级赋分",
        evidence: ["说明材料"],
      });
    });
  });
});
