"use client";

import Link from "next/link";
import { createContext, useContext } from "react";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import type { Action } from "@/lib/action-result";
import type { Role } from "@/lib/generated/prisma/enums";
import { SignInLock, type SignInLockView } from "./sign-in-lock";

export interface UserTableRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  active: boolean;
  leadSheets: number;
  evaluatorSheets: number;
  lock: SignInLockView | null;
}

/** 解除锁定 of the 状态 cells: the columns are module-level, the action comes from the page. */
const UnlockAction = createContext<Action | null>(null);

function StatusCell({ row }: { row: UserTableRow }) {
  const action = useContext(UnlockAction);
  return (
    <>
      <span className={row.active ? "" : "font-medium text-red-700"}>{row.active ? "启用" : "已停用"}</span>
      {action ? <SignInLock lock={row.lock} user={row} action={action} /> : null}
    </>
  );
}

const helper = dataTableColumnHelper<UserTableRow>();

const duties = (row: UserTableRow) =>
  [row.leadSheets ? `负责 ${row.leadSheets} 张` : "", row.evaluatorSheets ? `评价 ${row.evaluatorSheets} 张` : ""].filter(Boolean).join("，") || "—";

// Module scope: TanStack needs stable column definitions.
const columns = helper.columns([
  helper.accessor("username", { header: "用户名", sortFn: "text", meta: { width: "12%" } }),
  helper.accessor("displayName", { header: "姓名", sortFn: "text", meta: { width: "12%" } }),
  helper.accessor((row) => ROLE_LABEL[row.role], { id: "role", header: "角色", sortFn: "text", meta: { width: "10%" } }),
  helper.accessor((row) => row.department ?? "", {
    id: "department",
    header: "部门",
    sortFn: "text",
    meta: { width: "18%" },
    cell: (ctx) => ctx.getValue() || "—",
  }),
  // "锁定" in the filter finds the locked accounts.
  helper.accessor((row) => `${row.active ? "启用" : "已停用"}${row.lock ? " 锁定" : ""}`, {
    id: "active",
    header: "状态",
    sortFn: "text",
    meta: { width: "22%" },
    cell: (ctx) => <StatusCell row={ctx.row.original} />,
  }),
  helper.accessor(duties, { id: "duties", header: "分工", sortFn: "text", enableGlobalFilter: false, meta: { width: "13%" } }),
  helper.display({
    id: "edit",
    header: "操作",
    meta: { width: "13%" },
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

/** The users: sortable, filtered by username, name, role, department or state; a sign-in lock with 解除锁定. */
export function UsersTable({ rows, unlockAction }: { rows: UserTableRow[]; unlockAction: Action }) {
  return (
    <UnlockAction.Provider value={unlockAction}>
      <DataTable
        columns={columns}
        data={rows}
        getRowId={rowId}
        caption="用户列表"
        filterLabel="筛选"
        filterPlaceholder="用户名、姓名、部门或“锁定”"
        noMatchText="没有符合筛选条件的用户"
      />
    </UnlockAction.Provider>
  );
}
