import type { ReactNode } from "react";
import { formatAmount, formatPercent } from "@/components/ui/format";
import type { Scorecard } from "@/lib/scorecard/get-scorecard";
import { GRADES } from "@/lib/figures/labels";
import { LIGHT_FILL, LIGHT_ORDER, lightName } from "./charts";

function Card({ label, children, note }: { label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="rounded border border-line bg-white px-3 py-2">
      <div className="text-sm text-muted">{label}</div>
      <div className="mt-0.5 text-lg font-semibold tabular-nums">{children}</div>
      {note ? <div className="text-xs text-muted">{note}</div> : null}
    </div>
  );
}

/** 概况: the year's project sheets the actor may see that match the filters, summed by the database. */
export function SummaryCards({ data, filtered = false }: { data: Scorecard; filtered?: boolean }) {
  const s = data.summary;
  const finalised = GRADES.reduce((n, g) => n + s.grades[g], 0);
  const pending = s.lights.none;
  return (
    <section aria-label="概况" className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
      <Card
        label={filtered ? "项目数（筛选后）" : "项目数"}
        note={
          [s.overdueSheets > 0 ? `其中逾期 ${s.overdueSheets} 项` : "", data.department.length > 0 ? "部门整体绩效目标另列" : ""].filter(Boolean).join("；") ||
          undefined
        }
      >
        {s.sheets} 项
      </Card>
      <Card label="资金总额（全年预算数）" note={`年度预算总额 ${formatAmount(s.fundsTotal)} 万元`}>
        {formatAmount(s.budget)} 万元
      </Card>
      <Card label="预算执行率" note={`执行数 ${formatAmount(s.executed)} 万元`}>
        {formatPercent(s.executionRate)}
      </Card>
      <Card label="预警分布">
        <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-sm font-normal">
          {LIGHT_ORDER.map((l) => (
            <li key={l} className="inline-flex items-center gap-1 whitespace-nowrap">
              <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: LIGHT_FILL[l] }} />
              {lightName(l)} <strong className="tabular-nums">{s.lights[l]}</strong>
            </li>
          ))}
        </ul>
      </Card>
      <Card label="平均预计得分" note={pending > 0 ? `待填报 ${pending} 张不计入` : "按各指标截至该月的填报值推算"}>
        {s.averageProjected ?? "—"}
      </Card>
      <Card label="评价等级" note={`已定稿 ${finalised} / ${s.sheets} 项`}>
        <span className="text-sm font-normal">
          {GRADES.map((g) => (
            <span key={g} className="mr-2 whitespace-nowrap">
              {g} <strong className="tabular-nums">{s.grades[g]}</strong>
            </span>
          ))}
        </span>
      </Card>
    </section>
  );
}
