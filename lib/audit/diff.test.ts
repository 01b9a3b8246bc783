import { describe, expect, it } from "vitest";
import { diffJson } from "./diff";

describe("diffJson", () => {
  it("lists only the fields that changed", () => {
    expect(diffJson({ id: 1, displayName: "甲", role: "LEAD", active: true }, { id: 1, displayName: "乙", role: "LEAD", active: false })).toEqual([
      { path: ["displayName"], before: "甲", after: "乙" },
      { path: ["active"], before: true, after: false },
    ]);
  });

  it("treats a missing side as absent: a creation lists every field, a deletion too", () => {
    expect(diffJson(null, { a: 1, b: { c: "x" } })).toEqual([
      { path: ["a"], before: undefined, after: 1 },
      { path: ["b", "c"], before: undefined, after: "x" },
    ]);
    expect(diffJson({ a: 1 }, undefined)).toEqual([{ path: ["a"], before: 1, after: undefined }]);
    expect(diffJson(null, null)).toEqual([]);
  });

  it("goes into nested objects and arrays of objects, keeps arrays of plain values whole", () => {
    const before = {
      funds: { total: "10.00", fiscal: "10.00" },
      indicators: [
        { name: "甲", evidence: ["说明材料"] },
        { name: "乙", evidence: [] },
      ],
    };
    const after = { funds: { total: "12.00", fiscal: "10.00" }, indicators: [{ name: "甲", evidence: ["说明材料", "工作资料"] }] };
    expect(diffJson(before, after)).toEqual([
      { path: ["funds", "total"], before: "10.00", after: "12.00" },
      { path: ["indicators", 0, "evidence"], before: ["说明材料"], after: ["说明材料", "工作资料"] },
      { path: ["indicators", 1, "name"], before: "乙", after: undefined },
      { path: ["indicators", 1, "evidence"], before: [], after: undefined },
    ]);
  });

  it("reports a change of kind (value to object, null to value) as one leaf", () => {
    expect(diffJson({ v: null }, { v: "3" })).toEqual([{ path: ["v"], before: null, after: "3" }]);
    expect(diffJson({ v: "3" }, { v: { op: ">=" } })).toEqual([{ path: ["v"], before: "3", after: { op: ">=" } }]);
  });
});
