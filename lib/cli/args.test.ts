import { describe, expect, it } from "vitest";
import { readCommandLine } from "./args";

const options = { year: { type: "string" }, replace: { type: "boolean" } } as const;

describe("readCommandLine", () => {
  it("reads options and positionals", () => {
    expect(readCommandLine(["a.json", "--year", "2025", "--replace"], options, { positionals: 1 })).toEqual({
      kind: "run",
      values: { year: "2025", replace: true },
      positionals: ["a.json"],
    });
  });

  it("answers --help and -h anywhere, before checking the rest", () => {
    expect(readCommandLine(["--bogus", "--help"], options)).toEqual({ kind: "help" });
    expect(readCommandLine(["-h"], options)).toEqual({ kind: "help" });
  });

  it("names an unknown option, a missing value and a stray argument instead of throwing", () => {
    expect(readCommandLine(["--yaer", "2025"], options)).toEqual({ kind: "mistake", message: "未知的选项「--yaer」" });
    expect(readCommandLine(["--year"], options)).toEqual({ kind: "mistake", message: "选项「--year」的值有误（缺少值，或不应带值）" });
    expect(readCommandLine(["extra"], options)).toEqual({ kind: "mistake", message: "多余的参数「extra」" });
    expect(readCommandLine(["a.json", "b.json"], options, { positionals: 1 })).toEqual({ kind: "mistake", message: "多余的参数「b.json」" });
  });
});
