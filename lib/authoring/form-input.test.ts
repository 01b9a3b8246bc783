import { describe, expect, it } from "vitest";
import { nestFields } from "./form-input";

describe("nestFields", () => {
  it("nests rows by index and leaves React's fields and files out", () => {
    const form = new FormData();
    form.set("$ACTION_ID_abc", "x");
    form.set("version", "3");
    form.set("indicators.1.name", "第二行");
    form.set("indicators.0.name", "第一行");
    form.set("indicators.0.weight", "10");
    form.set("indicators.3.name", "第四行");
    form.set("file", new Blob(["x"]));
    form.set("__proto__.polluted", "yes");
    expect(nestFields(form.entries())).toEqual({
      version: "3",
      indicators: [{ name: "第一行", weight: "10" }, { name: "第二行" }, {}, { name: "第四行" }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
