"use server";

import type { ActionState } from "@/components/admin/action-state";
import { createFiscalYear, createFiscalYearSchema } from "@/lib/fiscal-years/create-fiscal-year";
import { setPeriodLock, setPeriodLockSchema } from "@/lib/fiscal-years/set-period-lock";
import { runFormAction } from "../../_lib/run-action";

export async function setPeriodLockAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: setPeriodLockSchema,
    form,
    revalidate: ["/admin/years"],
    run: async (prisma, actor, input) => {
      const { year, before, after } = await setPeriodLock(prisma, actor, input);
      if (after === 0) return `已解除${year}年的全部锁定`;
      return after > before ? `已将${year}年锁定至${after}月` : `已将${year}年的锁定调回至${after}月（${after + 1}月至${before}月重新开放）`;
    },
  });
}

export async function createFiscalYearAction(_state: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction({
    schema: createFiscalYearSchema,
    form,
    revalidate: ["/admin/years", "/admin/rollover"],
    run: async (prisma, actor, input) => {
      const created = await createFiscalYear(prisma, actor, input);
      return `已新增${created.year}年`;
    },
  });
}
