import { describe, expect, it } from "vitest";
import { actionLabel, describeChanges, entityLabel } from "./describe";

describe("describeChanges", () => {
  it("names fields and coded values in Chinese and hides ids that a name already says", () => {
    const before = { id: 3, username: "lead", displayName: "冯先生", role: "LEAD", departmentId: null, department: null, active: true };
    // Stored JSON comes back in the database's key order; the lines follow the reader's order.
    const after = { id: 3, role: "MANAGER", active: false, username: "lead", department: "乌鲁木齐市科学技术局", displayName: "冯先生", departmentId: 1 };
    expect(describeChanges(before, after)).toEqual([
      { field: "角色", before: "项目负责人", after: "管理者" },
      { field: "部门", before: "（空）", after: "乌鲁木齐市科学技术局" },
      { field: "状态", before: "启用", after: "停用" },
    ]);
  });

  it("lists a creation with empty before, and rows of a sheet by number", () => {
    expect(describeChanges(null, { id: 9, sheetId: 2, sheet: "科普", userId: 4, user: "范先生", role: "LEAD" })).toEqual([
      { field: "绩效目标表", before: "", after: "科普" },
      { field: "用户", before: "", after: "范先生" },
      { field: "角色", before: "", after: "项目负责人" },
    ]);
    expect(describeChanges({ indicators: [{ targetRaw: "＞=3项" }] }, { indicators: [{ targetRaw: "＞=4项" }] })).toEqual([
      { field: "指标 · 第1行 · 指标值", before: "＞=3项", after: "＞=4项" },
    ]);
  });

  it("names coded values with the words the rest of the application uses, per field", () => {
    expect(
      describeChanges(
        { measureType: "CUMULATIVE", qualitativeValue: "PARTIAL", likelihood: "POSSIBLE", band: "PARTIAL" },
        { measureType: "LEVEL", qualitativeValue: "ACHIEVED", likelihood: "CERTAIN", band: "ACHIEVED" },
      ),
    ).toEqual([
      { field: "计量方式", before: "累计值", after: "当期水平" },
      { field: "实际完成值", before: "部分达成", after: "达成" },
      { field: "完成目标可能性", before: "有可能", after: "确定能" },
      { field: "评价档次", before: "部分达成年度指标并具有一定效果", after: "达成年度指标" },
    ]);
    expect(describeChanges({ indicators: [{ measureType: "cumulative" }] }, { indicators: [{ measureType: "level" }] })).toEqual([
      { field: "指标 · 第1行 · 计量方式", before: "累计值", after: "当期水平" },
    ]);
    // Not a code of that field: shown as it is.
    expect(describeChanges({ role: "LEAD" }, { role: "constructor" })).toEqual([{ field: "角色", before: "项目负责人", after: "constructor" }]);
  });

  it("keeps what it cannot name (listed last), and shortens long text", () => {
    const long = "发".repeat(80);
    expect(describeChanges({ custom: 1, goal: "" }, { custom: 2, goal: long })).toEqual([
      { field: "项目总体目标", before: "（空）", after: `${"发".repeat(60)}…` },
      { field: "custom", before: "1", after: "2" },
    ]);
    expect(actionLabel("user.update")).toBe("修改用户");
    expect(actionLabel("something.new")).toBe("something.new");
    expect(entityLabel("ProgressEntry")).toBe("进度填报");
  });
});

describe("stored timestamps", () => {
  it("read in Beijing time, like every other page", () => {
    expect(describeChanges({ lockedUntil: null }, { lockedUntil: "2025-07-31T08:05:59.000Z" })).toEqual([
      { field: expect.any(String), before: "（空）", after: "2025-07-31 16:05" },
    ]);
  });
});
