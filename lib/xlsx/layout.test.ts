import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Worksheet } from "exceljs";
import { describe, expect, it } from "vitest";
import type { InterchangeFile } from "@/lib/interchange/schema";
import { load } from "@/lib/testing/xlsx-workbook";
import { writeSheetsWorkbook } from "./write-workbook";

const seed = JSON.parse(readFileSync(fileURLToPath(new URL("../../prisma/seed/urumqi-sti-2025.json", import.meta.url)), "utf8")) as InterchangeFile;

async function worksheets(): Promise<Worksheet[]> {
  return (await load(await writeSheetsWorkbook(seed))).worksheets;
}

const values = (ws: Worksheet, row: number, cols: string) => [...cols].map((c) => ws.getCell(`${c}${row}`).value);

describe("writeSheetsWorkbook layout", () => {
  it("names worksheets after the projects: short, unique, legal", async () => {
    const names = (await worksheets()).map((w) => w.name);
    expect(names[0]).toBe("部门整体绩效目标");
    expect(names[1]).toBe("“两区”创新建设专项");
    expect(names[3]).toBe("红山科创英才培养项目");
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(14);
    for (const n of names) expect(n).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  });

  it("lays a project sheet out like the printed 项目支出绩效目标表", async () => {
    const ws = (await worksheets())[1]!; // 2025年“两区”创新建设专项
    expect(values(ws, 1, "A")).toEqual(["项目支出绩效目标表"]);
    expect(values(ws, 2, "A")).toEqual(["（2025年）"]);
    expect(values(ws, 3, "AB")).toEqual(["预算单位", "乌鲁木齐市科学技术局"]);
    expect(values(ws, 4, "ABGH")).toEqual(["项目名称", "2025年“两区”创新建设专项", "项目负责人", "冯先生"]);
    expect(values(ws, 5, "ABD")).toEqual(["项目资金（万元）", "年度预算总额", 1600]);
    expect(values(ws, 6, "BDFH")).toEqual(["其中：财政拨款", 1600, "其他资金", 0]);
    expect(ws.getCell("D5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("H6").numFmt).toBe("#,##0.00");
    expect(values(ws, 7, "A")).toEqual(["项目总体目标"]);
    expect(String(ws.getCell("B7").value)).toMatch(/^发挥财政科技资金引导放大作用/);
    expect(ws.getCell("B7").alignment?.wrapText).toBe(true);
    expect(values(ws, 8, "ABCDEFGHI")).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
      "指标值设置依据",
      "上年完成值",
      "指标分值权重",
      "指标赋分规则",
      "佐证资料",
    ]);
    expect(values(ws, 9, "CDEFGHI")).toEqual(["支持产业核心技术攻关项目数量", "＞=3项", "计划标准", "3项", 10, "按照完成比例赋分", "说明材料"]);
    // 产出指标 over rows 9–14 (6 rows), its 数量指标 over 9–13, then 质量指标 alone, 效益指标 alone.
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A9:A14", "B9:B13", "B7:I7", "B3:I3", "A5:A6"]));
    expect(values(ws, 14, "BC")).toEqual(["质量指标", "产业核心技术攻关项目牵头单位中企业的比例"]);
    expect(values(ws, 15, "AB")).toEqual(["效益指标", "社会效益指标"]);
  });

  it("joins 佐证资料 with commas as printed", async () => {
    const sheet = seed.sheets[2]!; // 科教兴市栏目: rows with two evidence kinds
    const ws = (await worksheets())[2]!;
    const written = sheet.indicators.map((_, i) => ws.getCell(`I${9 + i}`).value);
    expect(written).toContain("工作资料,说明材料");
    expect(written).toEqual(sheet.indicators.map((i) => i.evidence.join(",")));
  });

  it("lays the department sheet out like the printed 部门整体绩效目标表", async () => {
    const ws = (await worksheets())[0]!;
    expect(values(ws, 1, "A")).toEqual(["部门整体绩效目标表"]);
    expect(values(ws, 3, "AB")).toEqual(["部门名称（盖章）", "乌鲁木齐市科学技术局"]);
    expect(values(ws, 4, "ABD")).toEqual(["部门联系人", "来丽拉 张春丽", "联系电话"]);
    expect(values(ws, 5, "A")).toEqual(["年度绩效目标"]);
    expect(values(ws, 7, "DE")).toEqual(["上级安排", 0]);
    expect(values(ws, 8, "DE")).toEqual(["本级安排", 5932.17]);
    expect(values(ws, 9, "DE")).toEqual(["其他", 0]);
    expect(values(ws, 10, "ABCDEF")).toEqual(["一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重"]);
    expect(values(ws, 11, "ABCDF")).toEqual(["履职效能", "数量指标", "企业新获得自治区科学技术奖励数量", "＞=9项", 20]);
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A11:A15", "B11:B14"]));
  });

  it("uses a CJK font, borders, A4 landscape fit to one page wide, and no macros or hidden sheets", async () => {
    const buffer = await writeSheetsWorkbook(seed);
    for (const ws of (await load(buffer)).worksheets) {
      expect(ws.state).toBe("visible");
      expect(ws.getCell("C9").font?.name).toBe("宋体");
      expect(ws.getCell("C9").border?.left?.style).toBe("thin");
      expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(25);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    expect(buffer.includes("vbaProject")).toBe(false);
  });
});
