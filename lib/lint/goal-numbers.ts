import Decimal from "decimal.js";
import { asciiDigits } from "@/lib/numbers/ascii-digits";
import { isQuantitative, parseTarget, type ParseTargetResult, type QuantitativeTarget } from "@/lib/targets";
import type { LintIssue, LintIndicator } from "./types";

/**
 * A number in the 项目总体目标 that contradicts the indicator of the same thing: the goal promises
 * `培训人次500人` while the row `技术应用培训人数` says `=200人`. Heuristic, so only ever a warning:
 *
 * 1. The goal is cut into clauses at punctuation; each number followed by a unit is a mention.
 *    Years (`2025年`), ordinals (`第1`) and rates (`每季度1次`, `每人…250万元`) are not mentions.
 * 2. A mention is compared with the quantitative rows whose unit it carries (`名` counts as `人`,
 *    `场次` as `场`), and belongs to the row whose 三级指标 shares most two-character words with the
 *    clause — at least two, and at least a third of the shorter one's, so `1篇验收报告` is not taken
 *    for `企业试用报告`, nor `攻关项目5个` for `支持重点产业领域数量`.
 * 3. When none of the best rows has the mentioned value, the best row is reported.
 *
 * `targets`: each row's parseTarget(targetRaw), when the caller has them.
 */
export function lintGoalNumbers(goal: string | undefined, indicators: readonly LintIndicator[], targets?: readonly ParseTargetResult[]): LintIssue[] {
  if (!goal?.trim()) return [];
  const rows = quantitativeRows(indicators, targets);
  if (rows.length === 0) return [];
  const issues: LintIssue[] = [];
  const reported = new Set<string>();
  for (const mention of mentionsOf(goal)) {
    let best = 0;
    let candidates: QuantRow[] = [];
    for (const row of rows) {
      if (!carriesUnit(mention.rest, row.target.unit)) continue;
      const score = sharedBigrams(mention.words, row.words);
      if (score < 2 || score / Math.min(mention.words.size, row.words.size) < 1 / 3 || score < best) continue;
      if (score > best) candidates = [];
      best = score;
      candidates.push(row);
    }
    if (candidates.length === 0 || candidates.some((row) => new Decimal(row.target.value).equals(mention.value))) continue;
    const row = candidates[0]!;
    const key = `${row.index}:${mention.value.toFixed()}`;
    if (reported.has(key)) continue;
    reported.add(key);
    issues.push({
      level: "warning",
      row: row.index,
      field: "targetRaw",
      code: "goal.contradiction",
      message: `项目总体目标写「${mention.clause}」（${mention.value.toFixed()}${row.target.unit}），与三级指标「${row.name}」的指标值「${row.targetRaw}」不一致，请确认`,
    });
  }
  return issues;
}

interface QuantRow {
  index: number;
  name: string;
  targetRaw: string;
  target: QuantitativeTarget;
  words: Set<string>;
}

function quantitativeRows(indicators: readonly LintIndicator[], targets: readonly ParseTargetResult[] | undefined): QuantRow[] {
  const rows: QuantRow[] = [];
  indicators.forEach((indicator, index) => {
    if (!indicator.targetRaw.trim()) return;
    const parsed = targets?.[index] ?? parseTarget(indicator.targetRaw);
    if (!parsed.ok || !isQuantitative(parsed.target) || parsed.target.unit === "") return;
    rows.push({ index, name: indicator.name.trim(), targetRaw: indicator.targetRaw.trim(), target: parsed.target, words: bigrams(indicator.name) });
  });
  return rows;
}

interface Mention {
  clause: string;
  value: Decimal;
  /** The clause after the number: where its unit is. */
  rest: string;
  words: Set<string>;
}

const CLAUSE_BREAK = /[，,。；;：:！!？?（）()【】[\]〔〕\n\r]+/u;
const NUMBER = /(?<![\d.])\d+(?:\.\d+)?/g;
/** A count's unit follows the number at once: `5项`, `90%`; `1.开展…` (a list number) has none. */
const UNIT_START = /^[\p{Script=Han}%‰]/u;

/** Digits as ASCII, no spaces: `２４ 期` → `24期`. Everything else as written, for the message. */
function normalise(text: string): string {
  return asciiDigits(text)
    .replace(/．/g, ".")
    .replace(/％/g, "%")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/\s+/gu, "");
}

export function mentionsOf(goal: string): Mention[] {
  const mentions: Mention[] = [];
  for (const clause of normalise(goal).split(CLAUSE_BREAK)) {
    if (!/\d/.test(clause)) continue;
    // The numbers and their units say nothing about what is counted.
    const words = bigrams(clause.replace(/\d+(?:\.\d+)?[\p{Script=Han}%‰]?/gu, " "));
    for (const match of clause.matchAll(NUMBER)) {
      const before = clause.slice(0, match.index);
      const rest = clause.slice(match.index + match[0].length);
      if (before.endsWith("第") || before.includes("每")) continue;
      if (!UNIT_START.test(rest)) continue;
      if (/^(19|20)\d\d$/.test(match[0]) && rest.startsWith("年")) continue;
      mentions.push({ clause, value: new Decimal(match[0]), rest, words });
    }
  }
  return mentions;
}

/** Units that name the same count. */
const UNIT_ALIAS: Readonly<Record<string, string>> = { 名: "人", 位: "人", 人次: "人", 场次: "场" };
const canonicalUnit = (unit: string) => UNIT_ALIAS[unit] ?? unit;

/** Whether the text right after a number is the unit (or one of its aliases). */
function carriesUnit(rest: string, unit: string): boolean {
  const wanted = canonicalUnit(unit);
  for (let n = 1; n <= Math.min(4, rest.length); n++) if (canonicalUnit(rest.slice(0, n)) === wanted) return true;
  return false;
}

/** Two-character words of the Chinese text, within each run of Han characters. */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.split(/[^\p{Script=Han}]+/u)) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

function sharedBigrams(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
