/**
 * `npm run bench:score`: scores 100,000 generated rows and prints rows/second (median of several runs after
 * warm-up). A plain script rather than a timed test, so a slow CI machine reports a figure instead of failing.
 */
import { performance } from "node:perf_hooks";
import type { Target } from "@/lib/targets/types";
import { Decimal } from "@/lib/scoring/decimal";
import { scoreInput } from "@/lib/scoring/score-input";
import { scoreSheet } from "@/lib/scoring/sheet-score";
import type { Band, RowInput, ScoringRule, SheetInput } from "@/lib/scoring/types";

const ROWS = 100_000;
const ROWS_PER_SHEET = 10;
const WARMUP = 3;
const RUNS = 7;

// mulberry32: a fixed seed makes every run score the same rows.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type JsonRow = {
  name: string;
  target: Target;
  weight: number;
  rule: ScoringRule | "";
  actual?: string;
  grade?: { band: Band; score: string };
  deduction?: { points: string; reason: string };
};

const WEIGHTS = [10, 5, 5, 5, 10, 15, 10, 10, 10, 10]; // Σ = 90, as on every seed sheet

function generate(): Array<{ name: string; funds: { total: string }; executed?: string; indicators: JsonRow[] }> {
  const rnd = prng(2025);
  const int = (n: number) => Math.floor(rnd() * n);
  const dec = (max: number) => (rnd() * max).toFixed(2);
  const sheets = [];
  for (let s = 0; s < ROWS / ROWS_PER_SHEET; s++) {
    const indicators: JsonRow[] = [];
    for (let i = 0; i < ROWS_PER_SHEET; i++) {
      const w = WEIGHTS[i]!;
      const t = 1 + int(50);
      const kind = (s + i) % 9;
      const row: JsonRow = { name: `指标${i + 1}`, target: { op: ">=", value: String(t), unit: "项" }, weight: w, rule: "按照完成比例赋分" };
      if (kind === 0) row.actual = dec(t * 1.5);
      else if (kind === 1) Object.assign(row, { target: { op: "<=", value: String(t), unit: "小时" }, actual: dec(t * 2.5) });
      else if (kind === 2) Object.assign(row, { target: { op: "=", value: "100", unit: "%" }, rule: "直接赋分", actual: String(95 + int(6)) });
      else if (kind === 3) Object.assign(row, { target: { op: ">=", value: "90", unit: "%" }, rule: "满意度赋分", actual: dec(100) });
      else if (kind === 4)
        Object.assign(row, {
          target: { qualitative: "有效推动" },
          rule: "按评判等级赋分",
          grade: { band: "部分达成年度指标并具有一定效果", score: (w * 0.7).toFixed(2) },
        });
      else if (kind === 5) Object.assign(row, { rule: "按评判等级赋分", actual: String(t), grade: { band: "达成年度指标", score: String(w) } });
      else if (kind === 6) Object.assign(row, { actual: String(t * 2), deduction: { points: "1.5", reason: "指标值设定偏低" } });
      else if (kind === 7) Object.assign(row, { rule: "", target: { op: ">", value: "0", unit: "%" }, actual: dec(10) });
      // kind 8: no actual → pending
      indicators.push(row);
    }
    sheets.push({ name: `项目${s + 1}`, funds: { total: "1600.00" }, ...(s % 5 === 0 ? {} : { executed: dec(1700) }), indicators });
  }
  return sheets;
}

function toSheetInput(sheet: ReturnType<typeof generate>[number]): SheetInput {
  const d = (v: string | undefined) => (v === undefined ? null : new Decimal(v));
  return {
    budget: { total: new Decimal(sheet.funds.total), executed: d(sheet.executed) },
    indicators: sheet.indicators.map(
      (r): RowInput => ({
        target: r.target,
        weight: new Decimal(r.weight),
        rule: r.rule,
        actual: d(r.actual),
        grading: r.grade ? { band: r.grade.band, score: new Decimal(r.grade.score) } : null,
        deduction: r.deduction ? { points: new Decimal(r.deduction.points), reason: r.deduction.reason } : null,
      }),
    ),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(label: string, run: () => unknown): void {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(
    `${label}: ${ROWS.toLocaleString("en")} rows in ${ms.toFixed(1)} ms (median of ${RUNS}) = ${Math.round((ROWS / ms) * 1000).toLocaleString("en")} rows/s`,
  );
}

const json = generate();
const inputs = json.map(toSheetInput);
const text = JSON.stringify({ sheets: json });

let checksum = new Decimal(0);
measure("engine (scoreSheet)", () => {
  checksum = new Decimal(0);
  for (const s of inputs) checksum = checksum.plus(scoreSheet(s).total);
});
console.log(`checksum Σ totals = ${checksum.toFixed(2)}`);
measure("end to end (scoreInput: JSON text → validated → scored → output)", () => {
  const r = scoreInput(text);
  if (!r.ok) throw new Error(r.errors.slice(0, 5).join("\n"));
});
