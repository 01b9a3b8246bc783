import ExcelJS from "exceljs";

/** `（2026年）`, `(2026年度)`, `2026年项目支出绩效目标表` in the first rows of a form. */
const YEAR_TEXT = [/^[（(]\s*(\d{4})\s*年度?\s*[)）]$/u, /^(\d{4})\s*年度?.*绩效目标表$/u];
const ROWS_SCANNED = 4;

/**
 * The fiscal year the workbook's forms print under their title, when they all print the same one
 * (the template leaves `（    年）` to fill in). Undefined when none or several. Takes the loaded workbook,
 * so an import loads the file once for the year and the sheets.
 */
export function workbookYear(workbook: ExcelJS.Workbook): number | undefined {
  const years = new Set<number>();
  for (const worksheet of workbook.worksheets) {
    worksheet.eachRow((row, r) => {
      if (r > ROWS_SCANNED && !isTitleBlock(row)) return;
      row.eachCell((cell) => {
        const text = textOf(cell);
        for (const pattern of YEAR_TEXT) {
          const m = pattern.exec(text);
          if (m) years.add(Number(m[1]));
        }
      });
    });
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** Later sheets of a worksheet start at their own title: scan their year line too. */
function isTitleBlock(row: ExcelJS.Row): boolean {
  let title = false;
  row.eachCell((cell) => {
    const text = textOf(cell);
    if (/绩效目标表/.test(text) || /^[（(]\s*\d{4}\s*年/.test(text)) title = true;
  });
  return title;
}

/** A cell's own text; "" for the covered cells of a merge (exceljs cannot print some of them). */
function textOf(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return "";
  const value = cell.value;
  if (typeof value === "string") return value.trim();
  if (value && typeof value === "object" && "richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  return "";
}
