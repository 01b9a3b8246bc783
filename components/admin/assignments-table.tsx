"use client";

import Link from "next/link";
import { createContext, useActionState, useContext, useId } from "react";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AssignedUser, AssignmentCandidate, SheetAssignments } from "@/lib/assignments/list-assignments";
import { type FormAction, fieldError } from "./action-state";

type Duty = "LEAD" | "EVALUATOR";

interface AssignmentTools {
  candidates: Record<Duty, AssignmentCandidate[]>;
  assignAction: FormAction;
  unassignAction: FormAction;
}

/** What the cells need besides their row (the columns live at module scope). */
const ToolsContext = createContext<AssignmentTools | null>(null);
const useTools = () => {
  const tools = useContext(ToolsContext);
  if (!tools) throw new Error("AssignmentsTable tools missing");
  return tools;
};

const helper = dataTableColumnHelper<SheetAssignments>();
const names = (users: AssignedUser[]) => users.map((u) => `${u.displayName} ${u.username}`).join(" ");

const columns = helper.columns([
  helper.accessor("unit", { header: "预算单位", sortFn: "text", meta: { width: "15%" } }),
  helper.accessor("name", {
    header: "项目名称",
    sortFn: "text",
    meta: { width: "27%" },
    cell: (ctx) => (
      <Link href={`/sheets/${ctx.row.original.id}`} className="text-brand hover:underline">
        {ctx.row.original.name}
      </Link>
    ),
  }),
  helper.accessor("lead", { header: "表上所列负责人", sortFn: "text", meta: { width: "10%" } }),
  helper.accessor((row) => names(row.leads), {
    id: "leads",
    header: "项目负责人（账号）",
    enableSorting: false,
    meta: { width: "24%" },
    cell: (ctx) => <DutyCell sheet={ctx.row.original} duty="LEAD" />,
  }),
  helper.accessor((row) => names(row.evaluators), {
    id: "evaluators",
    header: "评价人（账号）",
    enableSorting: false,
    meta: { width: "24%" },
    cell: (ctx) => <DutyCell sheet={ctx.row.original} duty="EVALUATOR" />,
  }),
]);

const rowId = (row: SheetAssignments) => String(row.id);

/** Per sheet of a year: the users who lead and evaluate it, each removable, and a choice to add one. */
export function AssignmentsTable({ rows, caption, ...tools }: { rows: SheetAssignments[]; caption: string } & AssignmentTools) {
  return (
    <ToolsContext value={tools}>
      <DataTable
        columns={columns}
        data={rows}
        getRowId={rowId}
        caption={caption}
        filterLabel="筛选"
        filterPlaceholder="项目名称、预算单位或人员姓名"
        noMatchText="没有符合筛选条件的绩效目标表"
      />
    </ToolsContext>
  );
}

function DutyCell({ sheet, duty }: { sheet: SheetAssignments; duty: Duty }) {
  const users = duty === "LEAD" ? sheet.leads : sheet.evaluators;
  return (
    <div className="space-y-1.5">
      {users.length === 0 ? <p className="font-medium text-amber-800">未分配</p> : null}
      <ul className="flex flex-wrap gap-1.5">
        {users.map((user) => (
          <li key={user.userId}>
            <RemoveChip sheet={sheet} duty={duty} user={user} />
          </li>
        ))}
      </ul>
      <AddForm sheet={sheet} duty={duty} assigned={users} />
    </div>
  );
}

function RemoveChip({ sheet, duty, user }: { sheet: SheetAssignments; duty: Duty; user: AssignedUser }) {
  const { unassignAction } = useTools();
  const [state, formAction, pending] = useActionState(unassignAction, null);
  const hydrated = useHydrated();
  return (
    <form action={formAction} className="inline-flex items-center gap-1 rounded border border-line bg-head px-1.5 py-0.5">
      <input type="hidden" name="sheetId" value={sheet.id} />
      <input type="hidden" name="userId" value={user.userId} />
      <input type="hidden" name="role" value={duty} />
      <span title={user.username}>
        {user.displayName}
        {user.active ? null : <span className="ml-1 text-xs text-red-700">（已停用）</span>}
      </span>
      <button
        type="submit"
        disabled={pending || !hydrated}
        aria-label={`移除 ${user.displayName} 的${ROLE_LABEL[duty]}分工（${sheet.name}）`}
        title="移除"
        className="rounded px-1 leading-none text-muted hover:bg-white hover:text-red-700 disabled:opacity-50"
      >
        ×
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

function AddForm({ sheet, duty, assigned }: { sheet: SheetAssignments; duty: Duty; assigned: AssignedUser[] }) {
  const { candidates, assignAction } = useTools();
  const [state, formAction, pending] = useActionState(assignAction, null);
  const hydrated = useHydrated();
  const id = useId();
  const options = candidates[duty].filter((c) => !assigned.some((a) => a.userId === c.id));
  if (options.length === 0 && !state) return null;
  const error = fieldError(state, "userId") ?? (state && !state.ok ? state.error : undefined);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="sheetId" value={sheet.id} />
      <input type="hidden" name="role" value={duty} />
      <div className="flex items-center gap-1">
        <label htmlFor={id} className="sr-only">
          为「{sheet.name}」添加{ROLE_LABEL[duty]}
        </label>
        <select
          id={id}
          name="userId"
          defaultValue=""
          aria-invalid={error ? true : undefined}
          aria-describedby={state ? `${id}-message` : undefined}
          className="min-w-0 flex-1 rounded border border-line bg-white px-1 py-0.5 text-sm aria-[invalid=true]:border-red-600"
        >
          <option value="" disabled>
            选择{ROLE_LABEL[duty]}…
          </option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}（{c.username}）
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending || !hydrated || options.length === 0} className="rounded border border-line bg-white px-2 py-0.5 text-sm hover:border-brand disabled:opacity-50">
          添加
        </button>
      </div>
      {state ? (
        <p id={`${id}-message`} role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? state.message : error}
        </p>
      ) : null}
    </form>
  );
}
