import type { Metadata } from "next";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { CreateYearForm } from "@/components/admin/create-year-form";
import { DeadlinesForm } from "@/components/admin/deadlines-form";
import { FiscalYearsTable } from "@/components/admin/fiscal-years-table";
import { PeriodLockForm } from "@/components/admin/period-lock-form";
import { requireActor } from "@/lib/session/session";
import { beijingYear } from "@/lib/beijing-time";
import { getPrisma } from "@/lib/db";
import { listFiscalYears } from "@/lib/fiscal-years/list-fiscal-years";
import { listDeadlines } from "@/lib/deadlines/get-deadlines";
import { createFiscalYearAction, setDeadlinesAction, setPeriodLockAction } from "./actions";

export const metadata: Metadata = { title: "年度与期间锁定" };

/** 年度: the fiscal years with their sheets and period locks; lock or unlock months; add a year (admins). */
export default async function YearsPage() {
  const actor = await requireActor();
  const [years, deadlines] = await orInterrupt(getPrisma().then((prisma) => Promise.all([listFiscalYears(prisma, actor), listDeadlines(prisma, actor)])));
  const suggested = (years[0]?.year ?? beijingYear()) + 1;
  return (
    <div className="space-y-4">
      <AdminHeader current="years" />
      <section aria-labelledby="year-list">
        <h2 id="year-list" className="mb-2 font-semibold">
          年度列表
        </h2>
        <FiscalYearsTable
          rows={years.map((y) => ({
            id: y.id,
            year: y.year,
            sheets: y.sheets.total,
            published: y.sheets.PUBLISHED,
            monthsApproved: y.monthsApproved,
            monthsSubmitted: y.monthsSubmitted,
            lockedThroughMonth: y.lockedThroughMonth,
            lockText: y.lockText,
          }))}
        />
      </section>
      {years.length > 0 ? (
        <section aria-labelledby="period-lock" className="space-y-2 rounded border border-line bg-white p-4">
          <h2 id="period-lock" className="font-semibold">
            期间锁定
          </h2>
          <p className="text-muted">
            填报截止后锁定：该年度1月至所选月份，所有绩效目标表都不能再填报完成值、执行数、调整预算、上传或删除佐证资料、提交，管理者也不能退回或重新开放（已提交的月份仍可审核通过）。年终评价不受影响。往回调即解除锁定，须填写原因。
          </p>
          <PeriodLockForm action={setPeriodLockAction} years={years.map((y) => ({ year: y.year, lockText: y.lockText }))} />
        </section>
      ) : null}
      {deadlines.length > 0 ? (
        <section aria-labelledby="deadlines" className="space-y-2 rounded border border-line bg-white p-4">
          <h2 id="deadlines" className="font-semibold">
            填报期限
          </h2>
          <p className="text-muted">
            每月进度须在截止日当天
            23:59（北京时间）前提交审核，逾期未提交的月份在工作台和绩效看板上标为「逾期」；已退回的月份须重新提交。截止日留空即为默认：次月10日（12月为次年1月10日），年终自评为次年1月31日，年终评价为次年2月最后一天。遇节假日可逐月调整。
          </p>
          <DeadlinesForm action={setDeadlinesAction} years={deadlines} />
        </section>
      ) : null}
      <section aria-labelledby="create-year" className="space-y-2 rounded border border-line bg-white p-4">
        <h2 id="create-year" className="font-semibold">
          新增年度
        </h2>
        <p className="text-muted">为下一年度预先建立年度（导入和年度结转也会自动建立所需的年度）。</p>
        <CreateYearForm action={createFiscalYearAction} suggested={suggested} />
      </section>
    </div>
  );
}
