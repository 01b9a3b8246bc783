import { describe, expect, it } from "vitest";
import { draftStorageKey, offerable, readDraft, writeDraft } from "./browser-draft";

function memory() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("browser draft", () => {
  it("keeps the edits per key and forgets them when there are none", () => {
    const s = memory();
    writeDraft(s, "7:progress:3:7", { "rows.1.value": "5" }, 1000);
    expect(readDraft(s, "7:progress:3:7", 2000)).toEqual({ "rows.1.value": "5" });
    expect(readDraft(s, "8:progress:3:7", 2000)).toBeNull();
    writeDraft(s, "7:progress:3:7", {}, 3000);
    expect(s.map.has(draftStorageKey("7:progress:3:7"))).toBe(false);
  });

  it("ignores unreadable and month-old entries", () => {
    const s = memory();
    s.setItem(draftStorageKey("a"), "{not json");
    expect(readDraft(s, "a")).toBeNull();
    writeDraft(s, "b", { x: "1" }, 0);
    expect(readDraft(s, "b", 31 * 24 * 3600 * 1000)).toBeNull();
  });

  it("survives a storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => undefined,
    };
    expect(readDraft(broken, "a")).toBeNull();
    expect(() => writeDraft(broken, "a", { x: "1" })).not.toThrow();
  });

  it("offers only what differs from the page and belongs to its fields", () => {
    expect(offerable({ a: "1", b: "2 ", gone: "x" }, { a: "1", b: "3" })).toEqual({ b: "2 " });
    expect(offerable(null, { a: "1" })).toEqual({});
  });
});
