"use client";

import { createContext, useContext } from "react";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import type { SheetsInYear } from "@/lib/units/list-units";
import type { Action } from "@/lib/action-result";
import { DeleteForm, RenameForm } from "./unit-forms";

export interface UnitTableRow {
  id: number;
  name: string;
  /** 本级: the unit named as its department (the department's own sheets). */
  own: boolean;
  sheetsByYear: SheetsInYear[];
  sheets: number;
}

interface UnitTools {
  renameAction: Action;
  deleteAction: Action;
}

/** What the cells need besides their row (the columns live at module scope). */
const ToolsContext = createContext<UnitTools | null>(null);
const useTools = () => {
  const tools = useContext(ToolsContext);
  if (!tools) throw new Error("UnitsTable tools missing");
  return tools;
};

const RENAME_UNIT_HINT = "改名对所有年度生效：各年度的绩效目标表、绩效看板、导出和打印都显示新名称。以后导入的文件须使用新名称，否则会另建一个预算单位。";

const sheetsText = (row: UnitTableRow) => (row.sheets === 0 ? "—" : row.sheetsByYear.map((y) => `${y.year}年 ${y.sheets} 张`).join("，"));

const helper = dataTableColumnHelper<UnitTableRow>();

const columns = helper.columns([
  helper.accessor("name", {
    header: "名称",
    sortFn: "text",
    meta: { width: "45%" },
    cell: (ctx) => (
      <>
        {ctx.getValue()}
        {ctx.row.original.own ? <span className="ml-2 rounded bg-head px-1.5 text-xs text-muted">本级</span> : null}
      </>
    ),
  }),
  // Sorted by the number of sheets of all years; shown per year, newest first.
  helper.accessor("sheets", { header: "绩效目标表", sortFn: "basic", meta: { width: "30%" }, cell: (ctx) => sheetsText(ctx.row.original) }),
  helper.display({ id: "actions", header: "操作", meta: { width: "25%" }, cell: (ctx) => <UnitActions row={ctx.row.original} /> }),
]);

const rowId = (row: UnitTableRow) => String(row.id);

/** The budget units of one department, each with its sheets per year, 重命名 and (when unused) 删除. */
export function UnitsTable({ rows, department, ...tools }: { rows: UnitTableRow[]; department: string } & UnitTools) {
  return (
    <ToolsContext value={tools}>
      <DataTable columns={columns} data={rows} getRowId={rowId} caption={`${department}的预算单位`} noMatchText="还没有预算单位" />
    </ToolsContext>
  );
}

function UnitActions({ row }: { row: UnitTableRow }) {
  const { renameAction, deleteAction } = useTools();
  return (
    <div className="flex flex-wrap items-start gap-4">
      <RenameForm action={renameAction} id={row.id} name={row.name} what="预算单位" hint={RENAME_UNIT_HINT} />
      {row.sheets === 0 ? <DeleteForm action={deleteAction} id={row.id} name={row.name} what="预算单位" /> : null}
    </div>
  );
}
