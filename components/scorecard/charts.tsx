import type { Light } from "@/lib/scoring";
import type { LightCounts, Scorecard } from "@/lib/scorecard/get-scorecard";
import { lightLabel } from "@/lib/figures/labels";

/**
 * The scorecard's charts: SVG drawn on the server, no script and no chart library. Every colour comes with its
 * words (legend, labels, titles); the numbers are also written on the bars.
 */

export const LIGHT_FILL: Readonly<Record<Light | "none", string>> = {
  red: "#dc2626",
  yellow: "#f59e0b",
  blue: "#0284c7",
  green: "#16a34a",
  none: "#d1d5db",
};

/** Bad to good, then the rows still waiting for a figure: the order of legends and counts. */
export const LIGHT_ORDER = ["red", "yellow", "blue", "green", "none"] as const;
/** A light's words (`红灯·进度滞后`), and 待填报 for `none`. */
export const lightName = (l: Light | "none") => (l === "none" ? lightLabel(null) : lightLabel(l));

/** 等级 bands of a 10-point bucket (docs/scoring.md): 差 < 60 ≤ 中 < 80 ≤ 良 < 90 ≤ 优. */
const BAND = [
  { grade: "差", from: 0, fill: "#fca5a5", text: "#7f1d1d" },
  { grade: "中", from: 6, fill: "#fcd34d", text: "#78350f" },
  { grade: "良", from: 8, fill: "#7dd3fc", text: "#0c4a6e" },
  { grade: "优", from: 9, fill: "#86efac", text: "#14532d" },
] as const;
const bandOf = (bucket: number) => [...BAND].reverse().find((b) => bucket >= b.from)!;

const FONT = `"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;

/** 得分分布: sheets per 10 points (evaluated total once final, else projected). */
export function ScoreDistributionChart({ distribution, titleId }: { distribution: Scorecard["distribution"]; titleId: string }) {
  const W = 520;
  const H = 230;
  const left = 36;
  const bottom = 44;
  const top = 18;
  const plotW = W - left - 10;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...distribution.map((d) => d.count));
  const step = niceStep(max);
  const yMax = Math.ceil(max / step) * step;
  const barW = plotW / distribution.length;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const summary = distribution.map((d) => `${d.label}分 ${d.count} 项`).join("，");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="h-auto w-full max-w-[520px]" style={{ fontFamily: FONT }}>
      <title id={titleId}>{`得分分布：${summary}`}</title>
      {ticks(yMax, step).map((t) => (
        <g key={t}>
          <line x1={left} x2={W - 10} y1={y(t)} y2={y(t)} stroke="#e5e7eb" />
          <text x={left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#5b6474">
            {t}
          </text>
        </g>
      ))}
      {distribution.map((d, i) => {
        const band = bandOf(d.bucket);
        const x = left + i * barW + 4;
        return (
          <g key={d.bucket}>
            <rect x={x} y={y(d.count)} width={barW - 8} height={top + plotH - y(d.count)} fill={band.fill} stroke={band.text} strokeWidth="0.5">
              <title>{`${d.label}分（${band.grade}）：${d.count} 项`}</title>
            </rect>
            <text x={x + (barW - 8) / 2} y={y(d.count) - 4} fontSize="11" textAnchor="middle" fill="#1f2937">
              {d.count}
            </text>
            <text x={x + (barW - 8) / 2} y={top + plotH + 14} fontSize="10" textAnchor="middle" fill="#5b6474">
              {d.label}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={W - 10} y1={top + plotH} y2={top + plotH} stroke="#5b6474" />
      {BAND.map((b, i) => (
        <g key={b.grade} transform={`translate(${left + i * 120}, ${H - 12})`}>
          <rect width="12" height="10" y="-9" fill={b.fill} stroke={b.text} strokeWidth="0.5" />
          <text x="16" fontSize="11" fill="#1f2937">
            {b.grade === "差" ? "差（<60）" : b.grade === "中" ? "中（60–80）" : b.grade === "良" ? "良（80–90）" : "优（≥90）"}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** 各单位预警: a stacked bar of the sheets' lights per budget unit, counts written in the segments. */
export function LightsByUnitChart({ units, titleId }: { units: Scorecard["lightsByUnit"]; titleId: string }) {
  const W = 640;
  const labelW = 250;
  const rowH = 26;
  const top = 8;
  const legendH = 30;
  const H = top + units.length * rowH + legendH;
  const barMax = W - labelW - 40;
  const max = Math.max(1, ...units.map((u) => total(u.lights)));
  const summary = units.map((u) => `${u.unit}：${countsText(u.lights)}`).join("；");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="h-auto w-full max-w-[640px]" style={{ fontFamily: FONT }}>
      <title id={titleId}>{`各单位预警：${summary}`}</title>
      {units.map((u, i) => {
        const y = top + i * rowH;
        let x = labelW;
        return (
          <g key={u.unitId}>
            <text x={labelW - 8} y={y + 16} fontSize="12" textAnchor="end" fill="#1f2937">
              <title>{u.unit}</title>
              {truncate(u.unit, 19)}
            </text>
            {LIGHT_ORDER.map((l) => {
              const n = u.lights[l];
              if (n === 0) return null;
              const w = (n / max) * barMax;
              const seg = (
                <g key={l}>
                  <rect x={x} y={y + 3} width={w} height={rowH - 8} fill={LIGHT_FILL[l]}>
                    <title>{`${u.unit}：${lightName(l)} ${n} 项`}</title>
                  </rect>
                  {w >= 16 ? (
                    <text x={x + w / 2} y={y + 16} fontSize="11" textAnchor="middle" fill={l === "yellow" || l === "none" ? "#1f2937" : "#fff"}>
                      {n}
                    </text>
                  ) : null}
                </g>
              );
              x += w;
              return seg;
            })}
            <text x={x + 6} y={y + 16} fontSize="11" fill="#5b6474">
              {total(u.lights)}
            </text>
          </g>
        );
      })}
      {LIGHT_ORDER.map((l, i) => (
        <g key={l} transform={`translate(${10 + i * 126}, ${H - 10})`}>
          <rect width="12" height="10" y="-9" fill={LIGHT_FILL[l]} />
          <text x="16" fontSize="11" fill="#1f2937">
            {lightName(l)}
          </text>
        </g>
      ))}
    </svg>
  );
}

const total = (c: LightCounts) => c.red + c.yellow + c.blue + c.green + c.none;
const countsText = (c: LightCounts) =>
  LIGHT_ORDER.filter((l) => c[l] > 0)
    .map((l) => `${lightName(l)} ${c[l]} 项`)
    .join("，") || "无";

const truncate = (text: string, max: number) =>
  Array.from(text).length > max
    ? `${Array.from(text)
        .slice(0, max - 1)
        .join("")}…`
    : text;

/** A round step for about five gridlines. */
export function niceStep(max: number): number {
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const n = raw / pow;
  const step = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * pow;
  return Math.max(step, Number.isInteger(max) ? 1 : step);
}

export const ticks = (max: number, step: number): number[] => Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, i) => +(i * step).toPrecision(12));
