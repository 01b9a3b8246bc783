"use client";

import Link from "next/link";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import type { Role } from "@/lib/generated/prisma/enums";

export interface UserTableRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  active: boolean;
  leadSheets: number;
  evaluatorSheets: number;
}

const helper = dataTableColumnHelper<UserTableRow>();

const duties = (row: UserTableRow) =>
  [row.leadSheets ? `负责 ${row.leadSheets} 张` : "", row.evaluatorSheets ? `评价 ${row.evaluatorSheets} 张` : ""].filter(Boolean).join("，") || "—";

// Module scope: TanStack needs stable column definitions.
const columns = helper.columns([
  helper.accessor("username", { header: "用户名", sortFn: "text", meta: { width: "14%" } }),
  helper.accessor("displayName", { header: "姓名", sortFn: "text", meta: { width: "14%" } }),
  helper.accessor((row) => ROLE_LABEL[row.role], { id: "role", header: "角色", sortFn: "text", meta: { width: "12%" } }),
  helper.accessor((row) => row.department ?? "", {
    id: "department",
    header: "部门",
    sortFn: "text",
    meta: { width: "22%" },
    cell: (ctx) => ctx.getValue() || "—",
  }),
  helper.accessor((row) => (row.active ? "启用" : "已停用"), {
    id: "active",
    header: "状态",
    sortFn: "text",
    meta: { width: "9%" },
    cell: (ctx) => <span className={ctx.row.original.active ? "" : "font-medium text-red-700"}>{ctx.getValue()}</span>,
  }),
  helper.accessor(duties, { id: "duties", header: "分工", sortFn: "text", enableGlobalFilter: false, meta: { width: "17%" } }),
  helper.display({
    id: "edit",
    header: "操作",
    meta: { width: "12%" },
    cell: (ctx) => (
      <Link
        href={`/admin/users/${ctx.row.original.id}`}
        className="text-brand hover:underline"
        aria-label={`编辑 ${ctx.row.original.displayName}（${ctx.row.original.username}）`}
      >
        编辑 / 重置密码
      </Link>
    ),
  }),
]);

const rowId = (row: UserTableRow) => String(row.id);

/** The users: sortable, filtered by username, name, role, department or state. */
export function UsersTable({ rows }: { rows: UserTableRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={rows}
      getRowId={rowId}
      caption="用户列表"
      filterLabel="筛选"
      filterPlaceholder="用户名、姓名、角色或部门"
      noMatchText="没有符合筛选条件的用户"
    />
  );
}
