"use server";

import { runAction } from "@/app/_lib/action";
import { setDeadlines, setDeadlinesSchema } from "@/lib/deadlines/set-deadlines";
import { createFiscalYear, createFiscalYearSchema } from "@/lib/fiscal-years/create-fiscal-year";
import { setPeriodLock, setPeriodLockSchema } from "@/lib/fiscal-years/set-period-lock";

export async function setPeriodLockAction(input: unknown) {
  return runAction(
    setPeriodLockSchema,
    input,
    async ({ prisma, actor, input }) => {
      const { year, before, after } = await setPeriodLock(prisma, actor, input);
      const message =
        after === 0
          ? `已解除${year}年的全部锁定`
          : after > before
            ? `已将${year}年锁定至${after}月`
            : `已将${year}年的锁定调回至${after}月（${after + 1}月至${before}月重新开放）`;
      return { data: null, message };
    },
    { revalidate: ["/admin/years"] },
  );
}

export async function createFiscalYearAction(input: unknown) {
  return runAction(
    createFiscalYearSchema,
    input,
    async ({ prisma, actor, input }) => ({ data: null, message: `已新增${(await createFiscalYear(prisma, actor, input)).year}年` }),
    { revalidate: ["/admin/years", "/admin/rollover"] },
  );
}

export async function setDeadlinesAction(input: unknown) {
  return runAction(
    setDeadlinesSchema,
    input,
    async ({ prisma, actor, input }) => {
      const { year, changes, read } = await setDeadlines(prisma, actor, input);
      return { data: { read }, message: `已保存${year}年的填报期限：${changes.join("；")}` };
    },
    { revalidate: ["/admin/years", "/", "/scorecard"] },
  );
}
