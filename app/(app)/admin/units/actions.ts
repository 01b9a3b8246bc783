"use server";

import { runAction } from "@/app/_lib/action";
import { createDepartment, createDepartmentSchema } from "@/lib/units/create-department";
import { createUnit, createUnitSchema } from "@/lib/units/create-unit";
import { deleteDepartment, deleteDepartmentSchema } from "@/lib/units/delete-department";
import { deleteUnit, deleteUnitSchema } from "@/lib/units/delete-unit";
import { renameDepartment, renameDepartmentSchema } from "@/lib/units/rename-department";
import { renameUnit, renameUnitSchema } from "@/lib/units/rename-unit";

// Unit and department names show on the user forms and, for renames, on every sheet page, which re-read on request.
const revalidate = ["/admin/units", "/admin/users"];

export async function createDepartmentAction(input: unknown) {
  return runAction(
    createDepartmentSchema,
    input,
    async ({ prisma, actor, input }) => ({ data: null, message: `已新增部门「${(await createDepartment(prisma, actor, input)).name}」` }),
    { revalidate },
  );
}

export async function renameDepartmentAction(input: unknown) {
  return runAction(
    renameDepartmentSchema,
    input,
    async ({ prisma, actor, input }) => {
      const { department, changed, previousName } = await renameDepartment(prisma, actor, input);
      return { data: null, message: changed ? `已将部门「${previousName}」改名为「${department.name}」` : "名称没有变化" };
    },
    { revalidate },
  );
}

export async function deleteDepartmentAction(input: unknown) {
  return runAction(
    deleteDepartmentSchema,
    input,
    async ({ prisma, actor, input }) => ({ data: null, message: `已删除部门「${(await deleteDepartment(prisma, actor, input)).name}」` }),
    { revalidate },
  );
}

export async function createUnitAction(input: unknown) {
  return runAction(
    createUnitSchema,
    input,
    async ({ prisma, actor, input }) => {
      const unit = await createUnit(prisma, actor, input);
      return { data: null, message: `已在「${unit.department}」下新增预算单位「${unit.name}」` };
    },
    { revalidate },
  );
}

export async function renameUnitAction(input: unknown) {
  return runAction(
    renameUnitSchema,
    input,
    async ({ prisma, actor, input }) => {
      const { unit, changed, previousName } = await renameUnit(prisma, actor, input);
      return { data: null, message: changed ? `已将预算单位「${previousName}」改名为「${unit.name}」` : "名称没有变化" };
    },
    { revalidate },
  );
}

export async function deleteUnitAction(input: unknown) {
  return runAction(
    deleteUnitSchema,
    input,
    async ({ prisma, actor, input }) => ({ data: null, message: `已删除预算单位「${(await deleteUnit(prisma, actor, input)).name}」` }),
    { revalidate },
  );
}
