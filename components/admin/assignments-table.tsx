"use client";

import Link from "next/link";
import { createContext, useContext } from "react";
import { ROLE_LABEL } from "@/components/layout/role-label";
import { DataTable, dataTableColumnHelper } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import type { AssignedUser, AssignmentCandidate, SheetAssignments } from "@/lib/assignments/list-assignments";

type Duty = "LEAD" | "EVALUATOR";

interface AssignmentTools {
  candidates: Record<Duty, AssignmentCandidate[]>;
  assignAction: Action;
  unassignAction: Action;
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
      {duty === "LEAD" && sheet.suggestedLead ? <SuggestedLead sheet={sheet} user={sheet.suggestedLead} /> : null}
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

/** The printed 项目负责人 names exactly one lead account: assign it in one click (the normal, audited assign). */
function SuggestedLead({ sheet, user }: { sheet: SheetAssignments; user: AssignmentCandidate }) {
  const { assignAction } = useTools();
  const form = useActionForm({ initial: {}, guard: false });
  const outcome = form.state.outcome;
  return (
    <div className="rounded border border-brand/40 bg-brand/5 px-2 py-1 text-sm">
      <span>
        项目负责人「{sheet.lead}」与用户 {user.username} 一致：
      </span>
      <Button
        tone="secondary"
        compact
        disabled={form.busy}
        onClick={() => void form.run("assign", () => assignAction({ sheetId: String(sheet.id), userId: String(user.id), role: "LEAD" }))}
        aria-label={`将 ${user.displayName}（${user.username}）设为「${sheet.name}」的项目负责人`}
      >
        设为负责人
      </Button>
      {outcome?.kind === "error" ? (
        <p role="alert" className="text-xs text-red-700">
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}

function RemoveChip({ sheet, duty, user }: { sheet: SheetAssignments; duty: Duty; user: AssignedUser }) {
  const { unassignAction } = useTools();
  const form = useActionForm({ initial: {} });
  const outcome = form.state.outcome;
  return (
    <span className="inline-flex items-center gap-1 rounded border border-line bg-head px-1.5 py-0.5">
      <span title={user.username}>
        {user.displayName}
        {user.active ? null : <span className="ml-1 text-xs text-red-700">（已停用）</span>}
      </span>
      <button
        type="button"
        disabled={form.busy}
        onClick={() => void form.run("remove", () => unassignAction({ sheetId: String(sheet.id), userId: String(user.userId), role: duty }))}
        aria-label={`移除 ${user.displayName} 的${ROLE_LABEL[duty]}分工（${sheet.name}）`}
        title="移除"
        className="min-h-[40px] min-w-[40px] rounded px-1 leading-none text-muted hover:bg-white hover:text-red-700 disabled:opacity-50 md:min-h-0 md:min-w-0"
      >
        ×
      </button>
      {outcome?.kind === "error" ? (
        <span role="alert" className="text-xs text-red-700">
          {outcome.text}
        </span>
      ) : null}
    </span>
  );
}

function AddForm({ sheet, duty, assigned }: { sheet: SheetAssignments; duty: Duty; assigned: AssignedUser[] }) {
  const { candidates, assignAction } = useTools();
  const form = useActionForm({ initial: { userId: "" }, guard: false });
  const options = candidates[duty].filter((c) => !assigned.some((a) => a.userId === c.id));
  const outcome = form.state.outcome;
  if (options.length === 0 && !outcome) return null;
  const error = form.error("userId") ?? (outcome?.kind === "error" ? outcome.text : undefined);
  return (
    <form
      noValidate
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run("assign", () => assignAction({ sheetId: String(sheet.id), role: duty, ...form.values }));
      }}
    >
      <div className="flex items-end gap-1">
        <Select
          label={`为「${sheet.name}」添加${ROLE_LABEL[duty]}`}
          hideLabel
          className="min-w-0 flex-1"
          placeholder={`选择${ROLE_LABEL[duty]}…`}
          options={options.map((c) => ({ value: String(c.id), label: `${c.displayName}（${c.username}）` }))}
          {...form.bind("userId")}
          error={error}
        />
        <Button type="submit" tone="plain" compact disabled={form.busy || options.length === 0}>
          添加
        </Button>
      </div>
      {outcome?.kind === "success" ? (
        <p role="status" className="text-xs text-green-800">
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}
