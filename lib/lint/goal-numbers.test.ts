import { describe, expect, it } from "vitest";
import { lintGoalNumbers, mentionsOf } from "./goal-numbers";

const row = (name: string, targetRaw: string) => ({ name, targetRaw, weight: 10 });

describe("mentionsOf", () => {
  it.each([
    ["培训人次500人", [["培训人次500人", "500", "人"]]],
    ["２０２５年开展技术应用培训２０ 场次", [["2025年开展技术应用培训20场次", "20", "场次"]]],
    ["（1）企业新获得奖励9项以上。", [["企业新获得奖励9项以上", "9", "项以上"]]],
    ["1.开展科普活动数量≥1次，2.举办活动", [["1.开展科普活动数量≥1次", "1", "次"]]],
    ["第3批项目5项", [["第3批项目5项", "5", "项"]]],
    ["数据库更新频率每季度1次", []],
    ["每人每期最高一次性可给予250万元", []],
    ["乌科发〔2024〕33号", [["33号", "33", "号"]]],
    ["合同金额1,600万元", [["合同金额1600万元", "1600", "万元"]]],
  ])("%j", (goal, expected) => {
    expect(mentionsOf(goal).map((m) => [m.clause, m.value.toFixed(), m.rest])).toEqual(expected);
  });
});

describe("lintGoalNumbers", () => {
  const rows = [row("技术应用培训人数", "=200人"), row("开展培训场次", "＞=15场"), row("选派科技人员数量", "=25人"), row("考核通过率", "＞=90%")];
  it.each([
    ["培训人次500人", [[0, "500"]]],
    ["培训人次200人", []],
    ["征集选派由25名科技人员参加服务", []],
    ["征集选派由30名科技人员参加服务", [[2, "30"]]],
    ["开展技术应用培训20场次", [[1, "20"]]],
    ["考核通过率达到95%", [[3, "95"]]],
    ["考核通过率达到90%", []],
    ["全年服务500人", []],
    ["开展培训500人", []], // one shared word (培训) is not enough to know which row is meant
    ["", []],
  ])("%j", (goal, expected) => {
    expect(lintGoalNumbers(goal, rows).map((i) => [i.row, /（(\d+)/.exec(i.message)?.[1]])).toEqual(expected);
  });

  it("reports nothing when one of the equally close rows has the value", () => {
    const same = [row("完成验收报告", ">=1篇"), row("完成验收报告修订稿", ">=2篇")];
    expect(lintGoalNumbers("完成1篇验收报告", same)).toEqual([]);
  });
});
