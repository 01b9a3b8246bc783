import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { EvidenceFileView } from "@/lib/evidence/evidence-view";
import { EvidencePanel, type EvidencePanelProps } from "./evidence-panel";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const file: EvidenceFileView = {
  id: 42,
  sheetId: 2,
  month: 7,
  indicatorId: null,
  originalName: "2025年7月 工作资料<终稿>.pdf",
  mimeType: "application/pdf",
  sizeBytes: 1_258_291,
  sha256: "a".repeat(64),
  uploadedBy: { id: 3, displayName: "冯先生" },
  createdAt: "2025-07-31T08:05:00.000Z",
};

const render = (props: Partial<EvidencePanelProps>) =>
  renderToString(createElement(EvidencePanel, { sheetId: 2, month: 7, files: [file], canEdit: true, ...props }));

describe("EvidencePanel (server HTML)", () => {
  it("lists files with name, size, uploader, Beijing time and a download link", () => {
    const html = render({});
    expect(html).toContain('href="/api/v1/evidence/42"');
    expect(html).toContain("2025年7月 工作资料&lt;终稿&gt;.pdf");
    expect(html).toContain("1.2 MB");
    expect(html).toContain("冯先生");
    expect(html).toContain("2025-07-31 16:05");
  });

  it("offers upload and delete, disabled until hydrated, only while editable", () => {
    const editable = render({});
    expect(editable).toMatch(/<label for="[^"]+"[^>]*>上传佐证资料<\/label>/);
    expect(editable).toMatch(/<input[^>]*type="file"[^>]*disabled=""/);
    expect(editable).toContain('aria-label="删除「2025年7月 工作资料&lt;终稿&gt;.pdf」"');

    const readOnly = render({ canEdit: false });
    expect(readOnly).not.toContain("上传佐证资料");
    expect(readOnly).not.toContain("删除");
    expect(readOnly).toContain('href="/api/v1/evidence/42"');
  });

  it("says when there is nothing yet", () => {
    expect(render({ files: [], canEdit: false })).toContain("暂无佐证资料");
  });
});
