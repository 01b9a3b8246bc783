import type { InterchangeIndicator } from "@/lib/interchange/schema";
import { type CellStyle, type FormWriter, TEXT_FORMAT } from "./form-writer";

export interface TableColumn {
  field: keyof InterchangeIndicator;
  caption: string;
  width: number;
}

const STYLE: Partial<Record<keyof InterchangeIndicator, CellStyle>> = {
  level1: { align: "center" },
  level2: { align: "center" },
  targetRaw: { align: "center", numFmt: TEXT_FORMAT },
  lastYear: { align: "center", numFmt: TEXT_FORMAT },
  weight: { align: "center" },
  rule: { align: "center" },
  evidence: { align: "center" },
};

/**
 * The indicator table: caption row, then one row per indicator. Consecutive rows of one 一级指标 (and,
 * inside it, one 二级指标) share a vertically merged cell, as the printed form shows them.
 * Returns the last row written.
 */
export function writeIndicatorTable(
  form: FormWriter,
  headerRow: number,
  columns: readonly TableColumn[],
  indicators: readonly InterchangeIndicator[],
  blankRows: number,
): number {
  columns.forEach((c, i) => form.put(headerRow, i + 1, c.caption, { bold: true, align: "center" }));
  const first = headerRow + 1;
  indicators.forEach((indicator, i) => {
    columns.forEach((c, col) => {
      if (c.field === "level1" || c.field === "level2") return;
      form.put(first + i, col + 1, cellValue(indicator, c.field), STYLE[c.field] ?? {});
    });
  });
  columns.forEach((c, col) => {
    if (c.field !== "level1" && c.field !== "level2") return;
    for (const run of runs(indicators, c.field)) {
      form.put(first + run.from, col + 1, run.value, STYLE[c.field] ?? {}, first + run.to, col + 1);
    }
  });
  for (let r = first + indicators.length; r < first + indicators.length + blankRows; r++) {
    columns.forEach((c, col) => form.put(r, col + 1, null, STYLE[c.field] ?? {}));
  }
  return Math.max(headerRow, first + indicators.length + blankRows - 1);
}

function cellValue(indicator: InterchangeIndicator, field: keyof InterchangeIndicator): string | number {
  if (field === "weight") return typeof indicator.weight === "number" ? indicator.weight : Number(indicator.weight);
  if (field === "evidence") return indicator.evidence.join(",");
  const value = indicator[field];
  return typeof value === "string" ? value : "";
}

/** Runs of equal 一级 (or 二级 within one 一级): indexes `from..to` share one merged cell. */
function runs(indicators: readonly InterchangeIndicator[], field: "level1" | "level2"): Array<{ from: number; to: number; value: string }> {
  const out: Array<{ from: number; to: number; value: string }> = [];
  indicators.forEach((indicator, i) => {
    const last = out[out.length - 1];
    const previous = indicators[i - 1];
    const sameGroup = previous !== undefined && previous.level1 === indicator.level1 && (field === "level1" || previous.level2 === indicator.level2);
    if (last && sameGroup) last.to = i;
    else out.push({ from: i, to: i, value: indicator[field] });
  });
  return out;
}
