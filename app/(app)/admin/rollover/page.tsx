import type { Metadata } from "next";
import Link from "next/link";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { yearSchema } from "@/lib/input";
import { RolloverForm } from "@/components/authoring/rollover-form";
import { planRollover } from "@/lib/authoring/plan-rollover";
import { can } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { listYears } from "@/lib/sheets/list-sheets";
import { rolloverAction } from "./actions";

export const metadata: Metadata = { title: "年度结转" };

const searchSchema = z.object({ year: yearSchema.optional() });

/** 年度结转: pick a year, see what would be copied into the next, then do it (admins). */
export default async function RolloverPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, { type: "sheets.rollover" })) forbidden();
  const prisma = await getPrisma();
  const years = await listYears(prisma);
  const search = searchSchema.safeParse(await searchParams);
  const fromYear = (search.success ? search.data.year : undefined) ?? years[0];
  const plan = fromYear === undefined ? null : await planRollover(prisma, actor, fromYear);
  // Rolled over already (or just now): say so, instead of listing its own copies as clashes.
  const rolled = plan !== null && plan.rolledOver > 0 && plan.rolledOver === plan.clashes.length;
  return (
    <div className="space-y-3">
      <AdminHeader current="rollover" />
      <p className="text-muted">
        把一个年度已发布的绩效目标表复制到下一年度，作为草稿继续编辑：表头、指标和指标值保留；每个指标的“上年完成值”取本年度的最终完成值（已完成年终评价的取评价值，否则取最近一次填报值，没有则为“-”）；名称中的年份顺延；各表的分工（项目负责人、评价人）默认随表结转，可在结转前取消。
      </p>
      <form method="get" className="flex items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="rollover-year" className="block font-medium">
            结转年度
          </label>
          <select id="rollover-year" name="year" defaultValue={fromYear} className="rounded border border-line bg-white px-2 py-1">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-line bg-white px-3 py-1 hover:border-brand">
          查看
        </button>
      </form>
      {plan ? (
        <section aria-labelledby="plan-title" className="space-y-2 rounded border border-line bg-white p-3">
          <h2 id="plan-title" className="font-semibold">
            {plan.fromYear}年 → {plan.toYear}年：{plan.sheets.length} 张已发布的绩效目标表
            {plan.drafts > 0 ? `（另有 ${plan.drafts} 张未发布，不结转）` : ""}
          </h2>
          {rolled ? (
            <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-green-900">
              {plan.fromYear}年的 {plan.rolledOver} 张绩效目标表已结转到{plan.toYear}年（草稿）。{" "}
              <Link href={`/sheets?year=${plan.toYear}`} className="text-brand hover:underline">
                查看{plan.toYear}年度绩效目标表
              </Link>
            </p>
          ) : plan.clashes.length > 0 ? (
            <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
              <p>{plan.toYear}年已有以下同名绩效目标表，不能结转：</p>
              <ul className="list-disc pl-5 text-sm">
                {plan.clashes.map((c) => (
                  <li key={`${c.unit}-${c.name}`}>
                    {c.unit}：{c.name}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <table className="form-table">
            <caption className="sr-only">将要结转的绩效目标表</caption>
            <thead>
              <tr>
                <th scope="col">预算单位</th>
                <th scope="col">{plan.fromYear}年名称</th>
                <th scope="col">{plan.toYear}年名称</th>
                <th scope="col">指标数</th>
                <th scope="col">有完成值的指标</th>
                <th scope="col">随表结转的分工</th>
              </tr>
            </thead>
            <tbody>
              {plan.sheets.map((s) => (
                <tr key={s.id}>
                  <td>{s.unit}</td>
                  <td>{s.name}</td>
                  <td>{s.newName}</td>
                  <td className="num">{s.indicators}</td>
                  <td className="num">{s.withActuals}</td>
                  <td>
                    <Duties label="负责人" names={s.leads} />
                    <Duties label="评价人" names={s.evaluators} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rolled ? null : (
            <RolloverForm
              fromYear={plan.fromYear}
              count={plan.sheets.length}
              disabled={plan.sheets.length === 0 || plan.clashes.length > 0}
              action={rolloverAction}
            />
          )}
        </section>
      ) : (
        <p className="text-muted">还没有任何年度的绩效目标表。</p>
      )}
    </div>
  );
}

function Duties({ label, names }: { label: string; names: string[] }) {
  return (
    <div className="text-sm">
      {label}：{names.length > 0 ? names.join("、") : <span className="text-muted">未分配</span>}
    </div>
  );
}
