import { describe, expect, it } from "vitest";
import {
  blankRow,
  duplicateRow,
  type EditorHeader,
  editorInput,
  editorProblemPath,
  fromEditorValues,
  moveRow,
  ORDER,
  removeRow,
  rowPath,
  toEditorValues,
  toLintSheet,
  weightTotal,
} from "./editor-model";
import { understoodAmount, understoodTarget } from "./target-text";

const row = (name: string, weight = "10") => ({ ...blankRow(), name, weight, targetRaw: ">=1项" });
const header: EditorHeader = {
  kind: "project",
  year: "2026",
  department: "局",
  unit: "单位",
  name: "项目",
  lead: "",
  fundsTotal: "",
  fundsFiscal: "１，２００",
  fundsOther: "",
  budgetExecutionWeight: "",
  goal: "",
};

describe("editor rows", () => {
  it("move, duplicate (a new row below, no id) and delete keep each row's key", () => {
    const rows = [row("a"), { ...row("b"), id: 7 }, row("c")];
    expect(moveRow(rows, 1, -1).map((r) => r.name)).toEqual(["b", "a", "c"]);
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(moveRow(rows, 2, 1)).toBe(rows);
    const copied = duplicateRow(rows, 1);
    expect(copied.map((r) => [r.name, r.id])).toEqual([
      ["a", null],
      ["b", 7],
      ["b", null],
      ["c", null],
    ]);
    expect(new Set(copied.map((r) => r.key)).size).toBe(4);
    expect(removeRow(rows, 0).map((r) => r.key)).toEqual([rows[1]!.key, rows[2]!.key]);
    // A new row continues the group above.
    expect(blankRow({ ...rows[0]!, level1: "效益指标", level2: "社会效益指标" })).toMatchObject({
      level1: "效益指标",
      level2: "社会效益指标",
      name: "",
      id: null,
    });
  });

  it("sums the weights that are numbers", () => {
    expect(weightTotal([row("a", "10"), row("b", "７.5")])).toEqual({ total: "17.5", complete: true });
    expect(weightTotal([row("a", "10"), row("b", "")])).toEqual({ total: "10", complete: false });
  });

  it("lints what the server will store: a blank total is fiscal + other, evidence split", () => {
    const sheet = toLintSheet(header, [{ ...row("a"), evidence: "说明材料，工作资料" }]);
    expect(sheet.funds).toEqual({ total: "1200", fiscal: "１，２００", other: "" });
    expect(sheet.indicators[0]!.evidence).toEqual(["说明材料", "工作资料"]);
    expect(toLintSheet({ ...header, kind: "department", name: "" }, []).name).toBe("部门整体绩效目标");
  });

  it("puts a refused save's problems next to their fields, rows by key", () => {
    const rows = [row("a"), row("b")];
    expect(editorProblemPath("indicators.1.weight", rows)).toBe(rowPath(rows[1]!.key, "weight"));
    expect(editorProblemPath("indicators.0.id", rows)).toBe(rowPath(rows[0]!.key, "name"));
    expect(editorProblemPath("fundsFiscal", rows)).toBe("fundsFiscal");
    expect(editorProblemPath("indicators.5.weight", rows)).toBe("indicators.5.weight");
  });
});

describe("the editor as the forms kit keeps it", () => {
  it("goes to values and back unchanged: header by name, rows under their keys, their order in one value", () => {
    const rows = [row("a"), { ...row("b"), id: 7 }];
    const values = toEditorValues(header, rows);
    expect(values[ORDER]).toBe(`${rows[0]!.key},${rows[1]!.key}`);
    expect(values[rowPath(rows[1]!.key, "id")]).toBe("7");
    expect(fromEditorValues(values)).toEqual({ header, rows });
    // Moving a row is one value: the order.
    const moved = { ...values, [ORDER]: `${rows[1]!.key},${rows[0]!.key}` };
    expect(fromEditorValues(moved).rows.map((r) => r.name)).toEqual(["b", "a"]);
    expect(fromEditorValues({ ...values, [ORDER]: "" }).rows).toEqual([]);
  });

  it("sends the rows in order, a new row without id, a department sheet under its fixed name", () => {
    const rows = [row("a"), { ...row("b"), id: 7 }];
    const input = editorInput(header, rows);
    expect(input.indicators.map((r) => ("id" in r ? r.id : null))).toEqual([null, 7]);
    expect(input.indicators[0]).not.toHaveProperty("key");
    expect(editorInput({ ...header, kind: "department", name: "别的" }, []).name).toBe("部门整体绩效目标");
  });
});

describe("what was understood", () => {
  it.each([
    ["＞=9项", { ok: true, text: "≥ 9 项（正向）" }],
    ["＜=５％", { ok: true, text: "≤ 5 %（反向）" }],
    ["有效推动", { ok: true, text: "定性：有效推动" }],
    ["＞=很多", { ok: false, text: "指标值「＞=很多」有比较符但没有可解析的数值" }],
    ["", { ok: false, text: "请填写指标值，如 ＞=9项、＜=5%、有效推动" }],
  ])("target %j", (raw, expected) => {
    expect(understoodTarget(raw)).toEqual(expected);
  });

  it.each([
    ["1,600", { ok: true, text: "即 1,600.00 万元" }],
    ["", { ok: true, text: "" }],
    ["一千", { ok: false, text: "「一千」不是有效的数字" }],
  ])("amount %j", (raw, expected) => {
    expect(understoodAmount(raw)).toEqual(expected);
  });
});
