import type { Metadata } from "next";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { AddNameForm, DeleteForm, RenameForm } from "@/components/admin/unit-forms";
import { UnitsTable } from "@/components/admin/units-table";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { type DepartmentEntry, listUnits } from "@/lib/units/list-units";
import { createDepartmentAction, createUnitAction, deleteDepartmentAction, deleteUnitAction, renameDepartmentAction, renameUnitAction } from "./actions";

export const metadata: Metadata = { title: "部门与预算单位" };

const RENAME_DEPARTMENT_HINT = "改名对所有年度生效。以后导入的文件中部门名称须与新名称一致，否则会另建一个部门。";

/** The department's sheets per year, newest first, as `2025年 14 张`. */
function departmentSheets(department: DepartmentEntry): string {
  const byYear = new Map<number, number>();
  for (const unit of department.units) for (const y of unit.sheetsByYear) byYear.set(y.year, (byYear.get(y.year) ?? 0) + y.sheets);
  const years = [...byYear].sort(([a], [b]) => b - a);
  return years.length === 0 ? "暂无绩效目标表" : `绩效目标表 ${years.map(([year, n]) => `${year}年 ${n} 张`).join("，")}`;
}

function departmentUsers(department: DepartmentEntry): string {
  const others = department.users - department.managers;
  return `管理者 ${department.managers} 人${others > 0 ? `，其他用户 ${others} 人` : ""}`;
}

/** 部门与预算单位 (admins): per department its units and what uses them; add, rename, delete. */
export default async function UnitsPage() {
  const actor = await requireActor();
  const departments = await orInterrupt(getPrisma().then((prisma) => listUnits(prisma, actor)));
  return (
    <div className="space-y-4">
      <AdminHeader current="units" />
      <p className="text-muted">
        预算单位属于部门：本级（与部门同名）和下属单位。导入和新建绩效目标表时按名称找到预算单位。改名对所有年度生效，用于更正错字；有绩效目标表的预算单位、有预算单位或用户的部门不能删除。
      </p>
      {departments.length === 0 ? (
        <p className="rounded border border-line bg-white p-4 text-muted">还没有部门。请在下方新增部门，或在“导入”中导入绩效目标表。</p>
      ) : null}
      {departments.map((department) => (
        <section key={department.id} aria-labelledby={`department-${department.id}`} className="space-y-3 rounded border border-line bg-white p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 id={`department-${department.id}`} className="font-semibold">
                {department.name}
              </h2>
              <p className="text-sm text-muted">
                {department.units.length} 个预算单位 · {departmentUsers(department)} · {departmentSheets(department)}
              </p>
            </div>
            <div className="flex flex-wrap items-start gap-4">
              <RenameForm
                action={renameDepartmentAction}
                id={department.id}
                name={department.name}
                what="部门"
                hint={RENAME_DEPARTMENT_HINT}
                summary="重命名部门"
              />
              {department.units.length === 0 && department.users === 0 ? (
                <DeleteForm action={deleteDepartmentAction} id={department.id} name={department.name} what="部门" />
              ) : null}
            </div>
          </div>
          <UnitsTable
            rows={department.units.map((unit) => ({ ...unit, own: unit.name === department.name }))}
            department={department.name}
            renameAction={renameUnitAction}
            deleteAction={deleteUnitAction}
          />
          <AddNameForm
            action={createUnitAction}
            title={`为「${department.name}」新增预算单位`}
            label="预算单位名称"
            submit="新增预算单位"
            hidden={{ departmentId: department.id }}
          />
        </section>
      ))}
      <section aria-labelledby="create-department" className="rounded border border-line bg-white p-4">
        <h2 id="create-department" className="mb-3 font-semibold">
          新增部门
        </h2>
        <AddNameForm
          action={createDepartmentAction}
          title="新增部门"
          label="部门名称"
          submit="新增部门"
          hint="建好后在部门下新增预算单位；本级预算单位与部门同名"
        />
      </section>
    </div>
  );
}
