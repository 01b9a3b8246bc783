"use server";

import type { ActionState } from "@/components/admin/action-state";
import { createDepartment, createDepartmentSchema } from "@/lib/units/create-department";
import { createUnit, createUnitSchema } from "@/lib/units/create-unit";
import { deleteDepartment, deleteDepartmentSchema } from "@/lib/units/delete-department";
import { deleteUnit, deleteUnitSchema } from "@/lib/units/delete-unit";
import { renameDepartment, renameDepartmentSchema } from "@/lib/units/rename-department";
import { renameUnit, renameUnitSchema } from "@/lib/units/rename-unit";
import { runFormAction } from "../../_lib/run-action";

// Unit and department names show on the user forms and, for renames, on every sheet page, which re-read on request.
const PAGES = ["/admin/units", "/admin/users"];

export async function createDepartmentAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: createDepartmentSchema,
    form,
    revalidate: PAGES,
    run: async (prisma, actor, input) => `已新增部门「${(await createDepartment(prisma, actor, input)).name}」`,
  });
}

export async function renameDepartmentAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: renameDepartmentSchema,
    form,
    revalidate: PAGES,
    run: async (prisma, actor, input) => {
      const { department, changed, previousName } = await renameDepartment(prisma, actor, input);
      return changed ? `已将部门「${previousName}」改名为「${department.name}」` : "名称没有变化";
    },
  });
}

export async function deleteDepartmentAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: deleteDepartmentSchema,
    form,
    revalidate: PAGES,
    run: async (prisma, actor, input) => `已删除部门「${(await deleteDepartment(prisma, actor, input)).name}」`,
  });
}

export async function createUnitAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: createUnitSchema,
    form,
    revalidate: PAGES,
    run: async (prisma, actor, input) => {
      const unit = await createUnit(prisma, actor, input);
      return `已在「${unit.department}」下新增预算单位「${unit.name}」`;
    },
  });
}

export async function renameUnitAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: renameUnitSchema,
    form,
    revalidate: PAGES,
    run: async (prisma, actor, input) => {
      const { unit, changed, previousName } = await renameUnit(prisma, actor, input);
      return changed ? `已将预算单位「${previousName}」改名为「${unit.name}」` : "名称没有变化";
    },
  });
}

export async function deleteUnitAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: deleteUnitSchema,
    form,
    revalidate: PAGES,
    run: async (prisma, actor, input) => `已删除预算单位「${(await deleteUnit(prisma, actor, input)).name}」`,
  });
}
