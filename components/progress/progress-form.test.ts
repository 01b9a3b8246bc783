import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { type Banner, BannerBox } from "./progress-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const render = (banner: NonNullable<Banner>) => renderToString(createElement(BannerBox, { banner, onReload: () => undefined }));

describe("BannerBox", () => {
  it("offers 载入最新数据 for a conflict, whatever its wording", () => {
    const conflict = render({ kind: "error", code: "CONFLICT", message: "2025年7月当前为「已提交」，只有已通过的月份可以重新开放", items: [], warnings: [] });
    expect(conflict).toContain("载入最新数据（保留我的填写）");
  });

  it("does not offer it for other refusals", () => {
    const invalid = render({ kind: "error", code: "INVALID", message: "填写的内容有误，请按提示修改（他人修改）", items: ["x"], warnings: [] });
    expect(invalid).not.toContain("载入最新数据");
  });
});
