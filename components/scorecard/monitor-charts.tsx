import type { BudgetMonth, MonitorRow } from "@/lib/scorecard/get-sheet-monitor";
import { niceStep, ticks } from "./charts";

/**
 * The sheet monitor's charts, SVG drawn on the server: each row's monthly values against the time-progress line,
 * and the budget's execution month by month. Colours always come with words (legend, titles, labels).
 */

const FONT = `"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;
const VALUE = "#1d4f91";
const EXPECTED = "#9ca3af";
const QUALITATIVE: Record<string, { fill: string; short: string }> = {
  达成: { fill: "#16a34a", short: "达" },
  部分达成: { fill: "#f59e0b", short: "部" },
  未达成: { fill: "#dc2626", short: "未" },
};

const monthsText = (row: MonitorRow) => row.months.map((m) => `${m.month}月 ${m.value ?? "—"}`).join("，");

/** One row's months: values (line and dots) against what the time progress expects (dashed), the current month marked. */
export function RowChart({ row, asOfMonth }: { row: MonitorRow; asOfMonth: number }) {
  const W = 250;
  const H = 70;
  const left = 6;
  const right = 12;
  const top = 8;
  const bottom = 14;
  // Month-end positions: month 0 (the start of the year) at the left edge.
  const x = (m: number) => left + (m / 12) * (W - left - right);
  const label = `${row.name}每月完成值：${monthsText(row)}`;
  if (row.chart === "qualitative") {
    const cw = (W - left - right) / 12;
    return (
      <svg viewBox={`0 0 ${W} ${H - 26}`} role="img" aria-label={label} className="h-auto w-[250px]" style={{ fontFamily: FONT }}>
        {row.months.map((m) => {
          const q = m.value ? QUALITATIVE[m.value] : undefined;
          return (
            <g key={m.month}>
              <rect
                x={left + (m.month - 1) * cw + 1}
                y={4}
                width={cw - 2}
                height={20}
                rx={2}
                fill={q?.fill ?? "#f3f4f6"}
                stroke={m.month === asOfMonth ? "#1f2937" : "none"}
              >
                <title>{`${m.month}月：${m.value ?? "未填报"}`}</title>
              </rect>
              <text x={left + (m.month - 0.5) * cw} y={18} fontSize="10" textAnchor="middle" fill={q ? "#fff" : "#9ca3af"}>
                {q?.short ?? "·"}
              </text>
              <text x={left + (m.month - 0.5) * cw} y={36} fontSize="8" textAnchor="middle" fill="#5b6474">
                {m.month}
              </text>
            </g>
          );
        })}
      </svg>
    );
  }
  const values = row.months.flatMap((m) => (m.plot === null ? [] : [m.plot]));
  const expected = row.months.flatMap((m) => (m.expectedPlot === null ? [] : [m.expectedPlot]));
  const lo = Math.min(0, ...values);
  const hi = Math.max(1e-9, ...values, ...expected, row.targetPlot ?? 0) * 1.1;
  const y = (v: number) => top + (H - top - bottom) * (1 - (v - lo) / (hi - lo || 1));
  const points = row.months.filter((m) => m.plot !== null);
  const expectedPath =
    row.chart === "cumulative"
      ? `M ${x(0)} ${y(0)} ` + row.months.map((m) => `L ${x(m.month)} ${y(m.expectedPlot!)}`).join(" ")
      : `M ${left} ${y(row.targetPlot!)} L ${W - right} ${y(row.targetPlot!)}`;
  const expectedName = row.chart === "cumulative" ? "时间进度线（指标值 × 月份/12）" : row.chart === "reverse" ? "上限（指标值）" : "指标值";
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}；虚线为${expectedName}`} className="h-auto w-[250px]" style={{ fontFamily: FONT }}>
      {asOfMonth > 0 ? <rect x={x(asOfMonth - 1)} y={top - 4} width={x(1) - x(0)} height={H - top - bottom + 4} fill="#eef1f5" /> : null}
      <line x1={left} x2={W - right} y1={y(0)} y2={y(0)} stroke="#d1d5db" />
      <path d={expectedPath} fill="none" stroke={EXPECTED} strokeWidth="1.5" strokeDasharray="4 3">
        <title>{expectedName}</title>
      </path>
      {points.length > 1 ? <polyline points={points.map((m) => `${x(m.month)},${y(m.plot!)}`).join(" ")} fill="none" stroke={VALUE} strokeWidth="1.5" /> : null}
      {points.map((m) => (
        <circle key={m.month} cx={x(m.month)} cy={y(m.plot!)} r={2.8} fill={VALUE}>
          <title>{`${m.month}月：完成值 ${m.value}${m.expected !== null ? `（${row.chart === "cumulative" ? "按时间进度应达" : row.chart === "reverse" ? "上限" : "指标值"} ${m.expected}）` : ""}`}</title>
        </circle>
      ))}
      {[1, 3, 6, 9, 12].map((m) => (
        <text key={m} x={x(m)} y={H - 3} fontSize="8" textAnchor="middle" fill="#5b6474">
          {m}月
        </text>
      ))}
    </svg>
  );
}

/** 预算执行: cumulative 执行数 per month (bars) against 全年预算数 × N/12 (dashed), with the rate above each bar. */
export function BudgetChart({ months, asOfMonth, titleId }: { months: BudgetMonth[]; asOfMonth: number; titleId: string }) {
  const W = 720;
  const H = 240;
  const left = 64;
  const right = 12;
  const top = 22;
  const bottom = 40;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = Math.max(1e-9, ...months.map((m) => Math.max(m.budgetPlot, m.executedPlot ?? 0)));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (Math.max(0, v) / yMax) * plotH;
  const bw = plotW / 12;
  const x = (m: number) => left + (m - 1) * bw;
  const summary = months.map((m) => `${m.month}月 ${m.executed === null ? "未填报" : `执行数 ${m.executed} 万元，执行率 ${m.rate}%`}`).join("；");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="h-auto w-full max-w-[720px]" style={{ fontFamily: FONT }}>
      <title id={titleId}>{`预算执行（万元）：${summary}`}</title>
      {ticks(yMax, step).map((t) => (
        <g key={t}>
          <line x1={left} x2={W - right} y1={y(t)} y2={y(t)} stroke="#e5e7eb" />
          <text x={left - 6} y={y(t) + 4} fontSize="10" textAnchor="end" fill="#5b6474">
            {t.toLocaleString("zh-CN")}
          </text>
        </g>
      ))}
      {asOfMonth > 0 ? <rect x={x(asOfMonth)} y={top} width={bw} height={plotH} fill="#eef1f5" /> : null}
      {months.map((m) => (
        <g key={m.month}>
          {m.executedPlot !== null ? (
            <>
              <rect x={x(m.month) + bw * 0.2} y={y(m.executedPlot)} width={bw * 0.6} height={top + plotH - y(m.executedPlot)} fill={VALUE}>
                <title>{`${m.month}月：执行数 ${m.executed} 万元 ÷ 全年预算数 ${m.budget} 万元 = ${m.rate}%（按时间进度应达 ${m.expected} 万元）`}</title>
              </rect>
              <text x={x(m.month) + bw / 2} y={y(m.executedPlot) - 4} fontSize="10" textAnchor="middle" fill="#1f2937">
                {m.rate}%
              </text>
            </>
          ) : null}
          <text x={x(m.month) + bw / 2} y={top + plotH + 14} fontSize="10" textAnchor="middle" fill="#5b6474">
            {m.month}月
          </text>
        </g>
      ))}
      <path
        d={`M ${left} ${y(0)} ` + months.map((m) => `L ${x(m.month) + bw} ${y(m.expectedPlot)}`).join(" ")}
        fill="none"
        stroke={EXPECTED}
        strokeWidth="1.5"
        strokeDasharray="5 3"
      />
      <line x1={left} x2={W - right} y1={top + plotH} y2={top + plotH} stroke="#5b6474" />
      <g transform={`translate(${left}, ${H - 8})`}>
        <rect width="12" height="10" y="-9" fill={VALUE} />
        <text x="16" fontSize="11" fill="#1f2937">
          执行数（截至各月末，柱上为执行率）
        </text>
        <line x1="260" x2="284" y1="-4" y2="-4" stroke={EXPECTED} strokeWidth="1.5" strokeDasharray="5 3" />
        <text x="290" fontSize="11" fill="#1f2937">
          时间进度线（全年预算数 × 月份/12）
        </text>
      </g>
    </svg>
  );
}
