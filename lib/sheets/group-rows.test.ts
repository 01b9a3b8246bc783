import { describe, expect, it } from "vitest";
import { groupRows } from "./group-rows";

const row = (level1: string, level2: string, name = "") => ({ level1, level2, name });
const spans = (rows: ReturnType<typeof row>[]) => groupRows(rows).map((g) => [g.level1Span, g.level2Span]);

describe("groupRows", () => {
  it("returns nothing for no rows", () => {
    expect(groupRows([])).toEqual([]);
  });

  it("merges 一级 over its run and 二级 over its run inside it", () => {
    const rows = [
      row("产出指标", "数量指标", "a"),
      row("产出指标", "数量指标", "b"),
      row("产出指标", "质量指标", "c"),
      row("产出指标", "时效指标", "d"),
      row("效益指标", "社会效益指标", "e"),
      row("效益指标", "社会效益指标", "f"),
      row("满意度指标", "服务对象满意度指标", "g"),
    ];
    expect(spans(rows)).toEqual([
      [4, 2],
      [0, 0],
      [0, 1],
      [0, 1],
      [2, 2],
      [0, 0],
      [1, 1],
    ]);
    expect(groupRows(rows).map((g) => g.row.name)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });

  it("starts a new 二级 group where 一级 changes even if the 二级 name repeats", () => {
    expect(spans([row("履职效能", "数量指标"), row("产出指标", "数量指标"), row("产出指标", "数量指标")])).toEqual([
      [1, 1],
      [2, 2],
      [0, 0],
    ]);
  });

  it("does not merge a level that comes back after another one", () => {
    expect(spans([row("产出指标", "数量指标"), row("效益指标", "社会效益指标"), row("产出指标", "数量指标")])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it("gives every row its own cells when nothing repeats, and the spans cover every row once", () => {
    const rows = [row("A", "x"), row("A", "y"), row("A", "y"), row("B", "y"), row("B", "z")];
    const grouped = groupRows(rows);
    expect(grouped.reduce((n, g) => n + g.level1Span, 0)).toBe(rows.length);
    expect(grouped.reduce((n, g) => n + g.level2Span, 0)).toBe(rows.length);
    expect(spans(rows)).toEqual([
      [3, 1],
      [0, 2],
      [0, 0],
      [2, 1],
      [0, 1],
    ]);
  });
});
