/**
 * 项目支出绩效目标表 / 部门整体绩效目标表 workbooks (.xlsx) in the official layout, to and from the
 * interchange format (docs/formats.md). No database, no framework: callers validate and import.
 */
export {
  loadWorkbook,
  NO_SHEETS,
  NOT_A_WORKBOOK,
  readLoadedSheetsWorkbook,
  readSheetsWorkbook,
  readValidSheetsWorkbook,
  type ReadValidWorkbookResult,
  type ReadWorkbookResult,
} from "./read-workbook";
export { workbookYear } from "./workbook-year";
export { type Workbook, writeSheetsWorkbook } from "./write-workbook";
export { writeTemplateWorkbook, TEMPLATE_NOTE } from "./template";
export { shortSheetName, uniqueSheetNames } from "./worksheet-name";
