import { describe, expect, it } from "vitest";
import { RangeNotSatisfiableError, resolveRange } from "./byte-range";

describe("resolveRange", () => {
  it.each([
    [null, null],
    ["", null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    ["bytes=999-999", { start: 999, end: 999 }],
    // Ignored: the whole file is served.
    ["bytes=0-9,20-29", null],
    ["items=0-9", null],
    ["bytes=9-0", null],
    ["bytes=-", null],
    ["bytes=abc", null],
  ])("%s → %j of 1000 bytes", (header, expected) => {
    expect(resolveRange(header, 1000)).toEqual(expected);
  });

  it.each(["bytes=1000-", "bytes=5000-6000", "bytes=-0"])("refuses %s of 1000 bytes with 416", (header) => {
    expect(() => resolveRange(header, 1000)).toThrow(RangeNotSatisfiableError);
  });
});
