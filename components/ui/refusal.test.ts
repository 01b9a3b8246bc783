import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Refusal } from "./refusal";

describe("Refusal", () => {
  it("shows the message and each problem, with its path where there is one", () => {
    const html = renderToString(
      createElement(Refusal, {
        error: "无法提交",
        problems: [{ path: "第2行", message: "请填写指标值" }, { path: "", message: "请填写项目名称" }, "分值合计应为 100"],
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("<p>无法提交</p>");
    expect(html).toContain("<li>第2行：请填写指标值</li><li>请填写项目名称</li><li>分值合计应为 100</li>");
  });

  it("has no list when there are no problems", () => {
    expect(renderToString(createElement(Refusal, { error: "无法提交", problems: [], boxed: true }))).not.toContain("<ul");
  });
});
