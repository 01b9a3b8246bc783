/** The indicator table's merged 一级指标 / 二级指标 cells (shared with the 自评表: see lib/sheets/group-rows). */
export { type GroupedRow, groupRows } from "@/lib/sheets/group-rows";
