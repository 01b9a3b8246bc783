import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { InterchangeFile } from "@/lib/interchange/schema";
import { validateInterchange } from "@/lib/interchange/validate";
import { readSheetsWorkbook } from "./read-workbook";
import { load } from "@/lib/testing/xlsx-workbook";
import { writeSheetsWorkbook } from "./write-workbook";

const seedPath = fileURLToPath(new URL("../../prisma/seed/urumqi-sti-2025.json", import.meta.url));
const seed = JSON.parse(readFileSync(seedPath, "utf8")) as InterchangeFile;
const options = { department: seed.department, fiscalYear: seed.fiscalYear };

async function roundTrip(file: InterchangeFile): Promise<InterchangeFile> {
  const result = await readSheetsWorkbook(await writeSheetsWorkbook(file), options);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}：${p.message}`).join("\n"));
  return result.file;
}

describe("seed workbook round trip (write → read)", () => {
  it("has the 14 sheets of the 2025 document", () => {
    expect(seed.sheets).toHaveLength(14);
    expect(seed.sheets.filter((s) => s.kind === "department")).toHaveLength(1);
  });

  it("gives back the seed exactly, targets included, for all 14 sheets in one workbook", async () => {
    const back = await roundTrip(seed);
    expect(back).toEqual(seed);
    // Key order too, so an export of the read file is byte-identical to the seed.
    expect(JSON.stringify(back, null, 2)).toBe(JSON.stringify(seed, null, 2));
  });

  it("validates to the same normalised file as the seed", async () => {
    const back = validateInterchange(await roundTrip(seed));
    const expected = validateInterchange(seed);
    expect(expected.ok).toBe(true);
    expect(back).toEqual(expected);
  });

  it("writes one worksheet per sheet", async () => {
    const workbook = await load(await writeSheetsWorkbook(seed));
    expect(workbook.worksheets).toHaveLength(14);
  });

  it.each(seed.sheets.map((sheet, i) => [i + 1, sheet.name, sheet] as const))("sheet %i 「%s」 alone", async (_n, _name, sheet) => {
    const file: InterchangeFile = { ...options, sheets: [sheet] };
    expect(await roundTrip(file)).toEqual(file);
  });
});
