import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { discardUpload, readUpload, saveUpload, UPLOAD_LIFETIME_MS } from "./upload-store";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "ptt-upload-"));
});
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(root, { recursive: true, force: true });
});

const bytes = new Uint8Array([1, 2, 3]);
const meta = { userId: 7, purpose: "sheets-import" as const, fileName: "a.xlsx", options: { year: "2026" } };
const owner = { userId: 7, purpose: "sheets-import" as const };

describe("upload store", () => {
  it("gives the bytes back to the same user for the same purpose only, once, under a random token", async () => {
    const token = await saveUpload(bytes, meta, root);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(fs.readdirSync(path.join(root, "tmp", "imports")).sort()).toEqual([`${token}.json`, `${token}.xlsx`]);
    const read = await readUpload(token, owner, root);
    expect([...read.bytes]).toEqual([1, 2, 3]);
    expect(read.meta).toMatchObject(meta);
    await expect(readUpload(token, { ...owner, userId: 8 }, root)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readUpload(token, { ...owner, purpose: "progress-workbook" }, root)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readUpload("../../etc/passwd", owner, root)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await discardUpload(token, root);
    await expect(readUpload(token, owner, root)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(fs.readdirSync(path.join(root, "tmp", "imports"))).toEqual([]);
  });

  it("forgets an upload after its lifetime", async () => {
    const token = await saveUpload(bytes, meta, root);
    vi.useFakeTimers({ now: Date.now() + UPLOAD_LIFETIME_MS + 1000, toFake: ["Date"] });
    await expect(readUpload(token, owner, root)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(fs.readdirSync(path.join(root, "tmp", "imports"))).toEqual([]);
  });
});
