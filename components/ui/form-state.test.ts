import { describe, expect, it } from "vitest";
import { dirtyPaths, edits, type FormState, formReducer, initialFormState, onlyConfirmable, problemAt } from "./form-state";

const start = () => initialFormState({ "rows.1.value": "3", "rows.2.value": "", executed: "10" });
const edit = (s: FormState, path: string, value: string) => formReducer(s, { type: "edit", path, value });

describe("form state", () => {
  it("is dirty only where the draft differs from the server's value (spaces do not count)", () => {
    let s = start();
    expect(dirtyPaths(s)).toEqual([]);
    s = edit(s, "rows.1.value", " 3 ");
    expect(dirtyPaths(s)).toEqual([]);
    s = edit(s, "rows.2.value", "5");
    expect(dirtyPaths(s)).toEqual(["rows.2.value"]);
    s = edit(s, "rows.2.value", "");
    expect(dirtyPaths(s)).toEqual([]);
  });

  it("takes a field's problems away once that field is changed, and the refusal with the last one", () => {
    let s = formReducer(start(), {
      type: "refused",
      code: "INVALID",
      message: "填写的内容有误",
      problems: [
        { path: "rows.2.value", message: "不能为负数" },
        { path: "executed", message: "无法识别" },
      ],
    });
    expect(problemAt(s, "rows.2.value")).toBe("不能为负数");
    s = edit(s, "rows.2.value", "4");
    expect(problemAt(s, "rows.2.value")).toBeUndefined();
    expect(problemAt(s, "executed")).toBe("无法识别");
    expect(s.outcome?.kind).toBe("error");
    s = edit(s, "executed", "12");
    expect(s.problems).toEqual([]);
    expect(s.outcome).toBeNull();
  });

  it("keeps a general problem (no path) until the next answer", () => {
    let s = formReducer(start(), { type: "refused", code: "CONFLICT", message: "已被他人修改", problems: [{ path: "", message: "请刷新" }] });
    s = edit(s, "executed", "11");
    expect(s.problems).toHaveLength(1);
    expect(s.outcome?.kind).toBe("error");
  });

  it("reads a problem under a field as the field's (rows.2 → rows.2.value is not; rows.2.value under rows.2 is)", () => {
    const s = formReducer(start(), { type: "refused", code: "INVALID", message: "x", problems: [{ path: "rows.2.value", message: "m" }] });
    expect(problemAt(s, "rows.2")).toBe("m");
    expect(problemAt(s, "rows.2.value.x")).toBeUndefined();
  });

  it("after a save, shows the server's new state for what was sent and keeps what else was typed", () => {
    let s = edit(start(), "rows.2.value", "5");
    s = edit(s, "adjust.amount", "20");
    s = formReducer(s, { type: "start", name: "save" });
    expect(s.pending).toBe("save");
    s = formReducer(s, {
      type: "succeeded",
      message: "已保存 1 项修改",
      base: { "rows.1.value": "3", "rows.2.value": "5.00", executed: "10", "adjust.amount": "" },
      sent: ["rows.2.value"],
    });
    expect(s.pending).toBeNull();
    expect(s.draft["rows.2.value"]).toBe("5.00");
    expect(edits(s)).toEqual({ "adjust.amount": "20" });
    expect(s.outcome).toEqual({ kind: "success", text: "已保存 1 项修改", warnings: [] });
  });

  it("resets everything after a save that names no paths (a create form empties)", () => {
    let s = initialFormState({ username: "", password: "" });
    s = edit(s, "username", "zhang");
    s = formReducer(s, { type: "succeeded", message: "已创建" });
    expect(s.draft).toEqual({ username: "", password: "" });
  });

  it("keeps every value typed when a save is refused or the network fails", () => {
    let s = edit(start(), "rows.2.value", "-1");
    s = formReducer(s, { type: "refused", code: "INVALID", message: "x", problems: [{ path: "rows.2.value", message: "不能为负数" }] });
    s = formReducer(s, { type: "failed", message: "无法连接服务器" });
    expect(edits(s)).toEqual({ "rows.2.value": "-1" });
    expect(s.outcome).toEqual({ kind: "error", text: "无法连接服务器", code: "NETWORK" });
  });

  it("rebases on a refreshed server state without losing what was typed", () => {
    let s = edit(start(), "rows.2.value", "7");
    s = formReducer(s, { type: "rebase", base: { "rows.1.value": "4", "rows.2.value": "", executed: "10" } });
    expect(s.draft).toEqual({ "rows.1.value": "4", "rows.2.value": "7", executed: "10" });
  });

  it("offers a browser draft, restores only fields the form has, or discards it", () => {
    let s = formReducer(start(), { type: "offer", values: { "rows.2.value": "9", "rows.99.value": "1" } });
    expect(s.offer).not.toBeNull();
    const restored = formReducer(s, { type: "restore" });
    expect(edits(restored)).toEqual({ "rows.2.value": "9" });
    expect(restored.offer).toBeNull();
    s = formReducer(s, { type: "discard" });
    expect(s.offer).toBeNull();
    expect(edits(s)).toEqual({});
    expect(formReducer(start(), { type: "offer", values: {} }).offer).toBeNull();
  });

  it("treats a refusal as a question only when every problem is confirmable", () => {
    expect(onlyConfirmable([{ path: "rows.0.value", message: "超过目标 10 倍", confirmable: true }])).toBe(true);
    expect(
      onlyConfirmable([
        { path: "rows.0.value", message: "a", confirmable: true },
        { path: "executed", message: "b" },
      ]),
    ).toBe(false);
    expect(onlyConfirmable([])).toBe(false);
  });
});
