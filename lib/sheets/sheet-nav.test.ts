import { describe, expect, it } from "vitest";
import { userActor } from "@/lib/auth/actor";
import type { SheetScope } from "@/lib/auth/authorize";
import { sheetTabs } from "./sheet-nav";

const scope: SheetScope = { departmentId: 1, leadIds: [10], evaluatorIds: [20], authorId: null, published: true };
const admin = userActor({ id: 1, role: "ADMIN", departmentId: null, displayName: "管理员" });
const manager = userActor({ id: 2, role: "MANAGER", departmentId: 1, displayName: "王科长" });
const otherManager = userActor({ id: 3, role: "MANAGER", departmentId: 2, displayName: "李科长" });
const lead = userActor({ id: 10, role: "LEAD", departmentId: null, displayName: "冯先生" });
const otherLead = userActor({ id: 11, role: "LEAD", departmentId: null, displayName: "范先生" });
const evaluator = userActor({ id: 20, role: "EVALUATOR", departmentId: null, displayName: "评价专家" });

const labels = (actor: Parameters<typeof sheetTabs>[0], published = true) => sheetTabs(actor, { id: 7, scope, published }).map((t) => t.label);

describe("sheetTabs", () => {
  it("gives every reader of a published sheet its pages, and the 操作日志 to those who read the log", () => {
    const all = ["概览", "进度填报", "运行监控", "年终评价", "自评表", "操作日志"];
    expect(labels(admin)).toEqual(all);
    expect(labels(manager)).toEqual(all);
    expect(labels(lead)).toEqual(all.slice(0, 5));
    expect(labels(evaluator)).toEqual(all.slice(0, 5));
  });

  it("offers nothing to whoever may not read the sheet", () => {
    expect(labels(otherLead)).toEqual([]);
    expect(labels(otherManager)).toEqual([]);
    expect(labels(userActor({ id: 21, role: "EVALUATOR", departmentId: null, displayName: "未分工的评价人" }))).toEqual([]);
  });

  it("has no months and no year end before the sheet is published", () => {
    expect(labels(manager, false)).toEqual(["概览", "操作日志"]);
  });

  it("links each tab to its page", () => {
    expect(sheetTabs(admin, { id: 7, scope, published: true }).map((t) => t.href)).toEqual([
      "/sheets/7",
      "/sheets/7/progress",
      "/sheets/7/monitor",
      "/sheets/7/evaluate",
      "/sheets/7/report",
      "/audit?sheet=7",
    ]);
  });
});
