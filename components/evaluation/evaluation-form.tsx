"use client";

import { type FormEvent, useMemo, useState, useTransition } from "react";
import type { EvaluationRowView, EvaluationView } from "@/lib/evaluation/evaluation-view";
import { parseDecimal } from "@/lib/numbers/parse-decimal";
import { checkExecuted, checkRow, type RowField, type RowTyped, toRowInput } from "@/lib/evaluation/row-checks";
import { Decimal, fmt2 } from "@/lib/scoring/decimal";
import { completionRatio } from "@/lib/scoring/over-achievement";
import { scoreSheet } from "@/lib/scoring/sheet-score";
import type { RowScore, SheetScore } from "@/lib/scoring/types";
import { formatAmount } from "@/components/ui/format";
import { Refusal } from "@/components/ui/refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { EvaluationActionState } from "./action-state";
import { ScoreExplanation } from "./score-explanation";

type Action = (form: FormData) => Promise<EvaluationActionState>;

export interface EvaluationFormProps {
  view: EvaluationView;
  /** 保存 (evaluator) or 保存自评 (lead); absent when the page is read only. */
  save?: Action;
  /** 定稿 (evaluator) or 提交自评 (lead). */
  finalise?: Action;
}

const inputClass =
  "w-full rounded border border-line bg-white px-2 py-1 focus:border-brand aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";

const NO_VALUES = { actual: null, band: null, gradeScore: null, deductionPoints: null, deductionReason: "" };

const initialRows = (view: EvaluationView): Record<number, RowTyped> => Object.fromEntries(view.rows.map((r) => [r.indicatorId, { ...r.values }]));

/** A field as it will be understood: `1,500` and `1500` are the same value, so neither counts as a change. */
const canonical = (text: string): string => {
  const parsed = parseDecimal(text, { allowPercent: true });
  return parsed.ok ? parsed.value : text.trim();
};
const NUMERIC: ReadonlySet<RowField> = new Set(["actual", "gradeScore", "deductionPoints"]);
const sameTyped = (a: RowTyped, b: RowTyped) =>
  (Object.keys(a) as RowField[]).every((k) => (NUMERIC.has(k) ? canonical(a[k]) === canonical(b[k]) : a[k].trim() === b[k].trim()));

/** The engine over what the form holds now: the same checks and formulas the server runs. */
function liveScore(view: EvaluationView, rows: Record<number, RowTyped>, executed: string, allowDeduction: boolean) {
  const problems: Record<string, string> = {};
  const completion: (string | null)[] = [];
  const inputs = view.rows.map((r) => {
    const checked = checkRow(r, rows[r.indicatorId]!, { allowDeduction });
    for (const p of checked.problems) problems[`rows.${r.indicatorId}.${p.field}`] ??= p.message;
    const input = toRowInput(r, checked.values ?? NO_VALUES);
    const T = "op" in r.target ? new Decimal(r.target.value) : null;
    const ratio = T !== null && input.actual ? completionRatio(T, input.actual) : null;
    completion.push(ratio ? fmt2(ratio.times(100)) : null);
    return input;
  });
  const e = checkExecuted(executed);
  if (!e.ok) problems.executed = e.message;
  let score: SheetScore | null = null;
  try {
    score = scoreSheet({
      indicators: inputs,
      budget: {
        total: new Decimal(view.budget.initial),
        adjustment: new Decimal(view.budget.adjustment),
        executed: e.ok && e.value !== null ? new Decimal(e.value) : null,
      },
      budgetExecutionWeight: new Decimal(view.budget.weight),
    });
  } catch {
    score = null;
  }
  return { problems, score, completion };
}

/**
 * The year-end evaluation form: per row the final actual, band and in-band score, deduction with reason, deviation
 * reason; 全年执行数; scores recomputed as you type by the same engine the server uses (every score opens its
 * explanation); 保存 and 定稿. What was typed stays when the server refuses, with each message next to its field.
 */
export function EvaluationForm({ view, save, finalise }: EvaluationFormProps) {
  const hydrated = useHydrated();
  const editable = view.can.write && save !== undefined;
  const allowDeduction = view.mode !== "self";
  const [baseKey, setBaseKey] = useState(`${view.evaluation.version}:${view.evaluation.state}`);
  const [rows, setRows] = useState(() => initialRows(view));
  const [executed, setExecuted] = useState(view.budget.executed);
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [result, setResult] = useState<EvaluationActionState | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [earlyReason, setEarlyReason] = useState("");
  const [pending, startTransition] = useTransition();

  // A save or finalise brings a new version from the server: start again from what is stored now.
  const key = `${view.evaluation.version}:${view.evaluation.state}`;
  if (key !== baseKey) {
    setBaseKey(key);
    setRows(initialRows(view));
    setExecuted(view.budget.executed);
    setConfirming(false);
  }

  const live = useMemo(() => liveScore(view, rows, executed, allowDeduction), [view, rows, executed, allowDeduction]);
  const dirty = view.rows.some((r) => !sameTyped(rows[r.indicatorId]!, r.saved)) || canonical(executed) !== canonical(view.budget.savedExecuted);

  const errorOf = (path: string): string | undefined => (editable ? (live.problems[path] ?? serverProblems[path]) : undefined);

  const change = (indicatorId: number, field: RowField, value: string) => {
    setRows((current) => ({ ...current, [indicatorId]: { ...current[indicatorId]!, [field]: value } }));
    clearServerProblem(`rows.${indicatorId}.${field}`);
  };
  const clearServerProblem = (path: string) =>
    setServerProblems((current) => {
      if (!(path in current)) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });

  const showRefusal = (state: EvaluationActionState) => {
    setResult(state);
    if (!state.ok) {
      const byPath: Record<string, string> = {};
      for (const p of state.problems) if (p.path) byPath[p.path] ??= p.message;
      setServerProblems(byPath);
    } else {
      setServerProblems({});
    }
  };

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save) return;
    const names = new Map(view.rows.map((r) => [String(r.indicatorId), r.name]));
    const problems = Object.entries(live.problems).map(([path, message]) => {
      const name = names.get(path.split(".")[1] ?? "");
      return { path, message: path.startsWith("rows.") && name ? `「${name}」${message}` : message };
    });
    if (problems.length > 0) {
      setResult({ ok: false, error: `有 ${problems.length} 处需要修改，未保存`, problems });
      focusField(problems[0]!.path);
      return;
    }
    const form = new FormData(event.currentTarget);
    startTransition(async () => showRefusal(await save(form)));
  };

  const needsEarlyReason = view.mode === "evaluator" && view.self.state !== "FINAL";
  const onFinalise = () => {
    if (!finalise) return;
    if (needsEarlyReason && earlyReason.trim() === "") {
      setServerProblems({ earlyReason: "负责人尚未提交自评：如需现在定稿，请填写提前定稿的原因" });
      document.getElementById("earlyReason")?.focus();
      return;
    }
    const form = new FormData();
    form.set("sheetId", String(view.sheet.id));
    form.set("version", String(view.evaluation.version));
    if (needsEarlyReason) form.set("earlyReason", earlyReason);
    startTransition(async () => {
      const state = await finalise(form);
      // A refusal that asks for the early reason keeps the confirmation open, where its field is.
      if (state.ok || !state.problems.some((p) => p.path === "earlyReason")) setConfirming(false);
      showRefusal(state);
    });
  };

  const columns = {
    deduction: allowDeduction,
    beside: view.beside !== null,
  };
  const columnCount = 5 + (columns.deduction ? 1 : 0) + (columns.beside ? 1 : 0);
  const score = live.score;

  return (
    <form onSubmit={onSave} noValidate aria-label={view.mode === "self" ? "负责人自评" : "年终评价"} className="space-y-4">
      <input type="hidden" name="sheetId" value={view.sheet.id} />
      <input type="hidden" name="version" value={view.evaluation.version} />

      <BudgetBlock view={view} editable={editable} executed={executed} score={score} error={errorOf("executed")} onChange={(v) => { setExecuted(v); clearServerProblem("executed"); }} />

      <div className="overflow-x-auto">
        <table className="form-table min-w-[1100px]">
          <caption className="sr-only">逐项评价</caption>
          <colgroup>
            <col style={{ width: "22%" }} />
            <col style={{ width: "10%" }} />
            <col style={{ width: "12%" }} />
            <col style={{ width: "20%" }} />
            {columns.deduction ? <col style={{ width: "14%" }} /> : null}
            <col style={{ width: "9%" }} />
            {columns.beside ? <col style={{ width: "13%" }} /> : null}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">绩效指标</th>
              <th scope="col">全年进度</th>
              <th scope="col">实际完成值</th>
              <th scope="col">评判等级 / 评分</th>
              {columns.deduction ? <th scope="col">扣分</th> : null}
              <th scope="col">得分</th>
              {columns.beside ? <th scope="col">{view.beside!.label}</th> : null}
            </tr>
          </thead>
          {view.rows.map((row, i) => (
            <RowGroup
              key={row.indicatorId}
              row={row}
              typed={rows[row.indicatorId]!}
              result={score?.rows[i] ?? null}
              completion={live.completion[i] ?? null}
              editable={editable}
              showDeduction={columns.deduction}
              showBeside={columns.beside}
              columnCount={columnCount}
              errorOf={errorOf}
              onChange={(field, value) => change(row.indicatorId, field, value)}
            />
          ))}
        </table>
      </div>

      <Summary view={view} score={score} dirty={editable && dirty} />

      {result ? <ResultMessage state={result} /> : null}

      {editable ? (
        <div className="no-print flex flex-wrap items-center gap-3">
          <button type="submit" disabled={!hydrated || pending} className="rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
            {pending ? "正在保存…" : view.mode === "self" ? "保存自评" : "保存"}
          </button>
          {(view.can.finalise || view.can.submit) && finalise ? (
            confirming ? (
              <div role="group" aria-label={view.mode === "self" ? "确认提交自评" : "确认定稿"} className="w-full space-y-2 rounded border border-amber-400 bg-amber-50 px-3 py-2">
                <p>
                  {view.mode === "self" ? "提交后自评将锁定" : "定稿将锁定本次评价"}：{view.mode === "self" ? "自评总分" : "总分"} <strong>{score ? fmt2(score.total) : "—"}</strong>，评价等级{" "}
                  <strong>{score?.grade ?? "—"}</strong>。{view.mode === "self" ? "提交后只有管理者可以重新开放。" : "定稿后只有管理者可以重新开放。"}
                </p>
                {needsEarlyReason ? (
                  <div>
                    <label htmlFor="earlyReason" className="block text-sm font-medium">
                      提前定稿原因（负责人尚未提交自评，必填）
                    </label>
                    <textarea
                      id="earlyReason"
                      name="earlyReason"
                      value={earlyReason}
                      onChange={(e) => {
                        setEarlyReason(e.target.value);
                        clearServerProblem("earlyReason");
                      }}
                      rows={2}
                      maxLength={500}
                      className={`${inputClass} mt-1`}
                      {...describedBy("earlyReason", serverProblems.earlyReason)}
                    />
                    <FieldError id={errorId("earlyReason")} message={serverProblems.earlyReason} />
                  </div>
                ) : null}
                <div className="flex gap-2">
                  <button type="button" onClick={onFinalise} disabled={pending} className="rounded bg-brand px-3 py-1 text-white hover:bg-brand-dark disabled:opacity-60">
                    {view.mode === "self" ? "确认提交" : "确认定稿"}
                  </button>
                  <button type="button" onClick={() => setConfirming(false)} className="rounded border border-line bg-white px-3 py-1">
                    取消
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                onClick={() => setConfirming(true)}
                disabled={!hydrated || pending || dirty}
                aria-describedby={dirty ? "finalise-hint" : undefined}
                className="rounded border border-brand bg-white px-4 py-1.5 font-medium text-brand hover:bg-head disabled:opacity-60"
              >
                {view.mode === "self" ? "提交自评" : "定稿"}
              </button>
            )
          ) : null}
          {(view.can.finalise || view.can.submit) && dirty ? (
            <span id="finalise-hint" className="text-sm text-muted">
              有未保存的修改（含取自进度的数值），请先保存再{view.mode === "self" ? "提交" : "定稿"}
            </span>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

function focusField(path: string) {
  const el = document.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  el?.focus();
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-xs text-red-700">
      {message}
    </p>
  ) : null;
}

const errorId = (path: string) => `${path.replaceAll(".", "-")}-error`;

function describedBy(path: string, error: string | undefined, hint?: string) {
  const ids = [error ? errorId(path) : null, hint ?? null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}

interface RowGroupProps {
  row: EvaluationRowView;
  typed: RowTyped;
  result: RowScore | null;
  /** A/T in % of what is typed now. */
  completion: string | null;
  editable: boolean;
  showDeduction: boolean;
  showBeside: boolean;
  columnCount: number;
  errorOf: (path: string) => string | undefined;
  onChange: (field: RowField, value: string) => void;
}

/** One indicator: its figures on the first line, 偏差原因分析及改进措施 across the second. */
function RowGroup({ row, typed, result, completion, editable, showDeduction, showBeside, columnCount, errorOf, onChange }: RowGroupProps) {
  const at = (field: RowField) => `rows.${row.indicatorId}.${field}`;
  const label = (what: string) => `${row.name} ${what}`;
  const band = row.bands?.find((b) => b.band === typed.band.trim()) ?? null;
  const rangeHint = band ? `区间：${band.min} ≤ 评分 ${band.maxInclusive ? "≤" : "<"} ${band.max}` : "请先选择评判等级";
  const needsReason = result?.needsDeviationReason ?? false;
  const understood = understoodAs(typed.actual, row);
  const latest = row.progress[row.progress.length - 1];

  return (
    <tbody className="border-b-2 border-line">
      <tr>
        <th scope="row" className="font-normal">
          <input type="hidden" name="rowIds" value={row.indicatorId} />
          <span className="font-medium">{row.name}</span>
          <span className="mt-0.5 block text-xs text-muted">
            {row.level1} / {row.level2}
          </span>
          <span className="block text-xs text-muted">
            指标值 <span className="text-ink">{row.targetRaw}</span> · 分值 <span className="text-ink">{row.weight}</span>
            {row.rule ? ` · ${row.rule}` : ""}
          </span>
        </th>
        <td className="text-xs">
          {latest ? (
            <details>
              <summary className="cursor-pointer">
                {latest.month}月：{latest.text}
              </summary>
              <ul className="mt-1 space-y-0.5">
                {row.progress.map((p) => (
                  <li key={p.month}>
                    {p.month}月：{p.text}
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <span className="text-muted">未填报</span>
          )}
        </td>
        <td>
          {row.target && "op" in row.target ? (
            editable ? (
              <>
                <label className="sr-only" htmlFor={at("actual")}>
                  {label("实际完成值")}
                </label>
                <div className="flex items-center gap-1">
                  <input
                    id={at("actual")}
                    name={at("actual")}
                    value={typed.actual}
                    onChange={(e) => onChange("actual", e.target.value)}
                    inputMode="decimal"
                    autoComplete="off"
                    className={`${inputClass} text-right`}
                    {...describedBy(at("actual"), errorOf(at("actual")))}
                  />
                  <span className="shrink-0 text-xs text-muted">{row.unit}</span>
                </div>
                {row.prefilledFrom !== null && typed.actual === row.values.actual ? <p className="mt-1 text-xs text-amber-700">取自{row.prefilledFrom}月进度，未保存</p> : null}
                {understood ? <p className="mt-1 text-xs text-muted">识别为 {understood}</p> : null}
                <FieldError id={errorId(at("actual"))} message={errorOf(at("actual"))} />
              </>
            ) : (
              <span>{typed.actual ? `${typed.actual}${row.unit}` : "—"}</span>
            )
          ) : (
            <span className="text-xs text-muted">定性指标</span>
          )}
          {result?.overAchieved ? (
            <p className="mt-1 inline-block rounded bg-blue-100 px-1.5 text-xs text-blue-900" title="完成值超过指标值 20% 以上，请核查指标值是否设定偏低">
              超额完成{completion ? ` ${completion}%` : ""}
            </p>
          ) : null}
        </td>
        <td>
          {row.bands ? (
            editable ? (
              <div className="space-y-1">
                <label className="sr-only" htmlFor={at("band")}>
                  {label("评判等级")}
                </label>
                <select
                  id={at("band")}
                  name={at("band")}
                  value={typed.band}
                  onChange={(e) => onChange("band", e.target.value)}
                  className={inputClass}
                  {...describedBy(at("band"), errorOf(at("band")))}
                >
                  <option value="">请选择评判等级</option>
                  {row.bands.map((b) => (
                    <option key={b.band} value={b.band}>
                      {b.band}（{b.range}）
                    </option>
                  ))}
                </select>
                <FieldError id={errorId(at("band"))} message={errorOf(at("band"))} />
                <label className="sr-only" htmlFor={at("gradeScore")}>
                  {label("评分")}
                </label>
                <input
                  id={at("gradeScore")}
                  name={at("gradeScore")}
                  value={typed.gradeScore}
                  onChange={(e) => onChange("gradeScore", e.target.value)}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="评分"
                  className={`${inputClass} text-right`}
                  {...describedBy(at("gradeScore"), errorOf(at("gradeScore")), `${at("gradeScore")}-hint`)}
                />
                <p id={`${at("gradeScore")}-hint`} className="text-xs text-muted">
                  {rangeHint}
                  {completion ? `；完成率 ${completion}%` : ""}
                </p>
                <FieldError id={errorId(at("gradeScore"))} message={errorOf(at("gradeScore"))} />
              </div>
            ) : (
              <span>{typed.band ? `${typed.band} ${typed.gradeScore}` : "—"}</span>
            )
          ) : (
            <span className="text-xs text-muted">按公式计分{completion ? `（完成率 ${completion}%）` : ""}</span>
          )}
        </td>
        {showDeduction ? (
          <td>
            {editable ? (
              <div className="space-y-1">
                <label className="sr-only" htmlFor={at("deductionPoints")}>
                  {label("扣分")}
                </label>
                <input
                  id={at("deductionPoints")}
                  name={at("deductionPoints")}
                  value={typed.deductionPoints}
                  onChange={(e) => onChange("deductionPoints", e.target.value)}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="扣分"
                  className={`${inputClass} text-right`}
                  {...describedBy(at("deductionPoints"), errorOf(at("deductionPoints")))}
                />
                <FieldError id={errorId(at("deductionPoints"))} message={errorOf(at("deductionPoints"))} />
                <label className="sr-only" htmlFor={at("deductionReason")}>
                  {label("扣分原因")}
                </label>
                <input
                  id={at("deductionReason")}
                  name={at("deductionReason")}
                  value={typed.deductionReason}
                  onChange={(e) => onChange("deductionReason", e.target.value)}
                  placeholder="扣分原因（扣分时必填）"
                  className={inputClass}
                  {...describedBy(at("deductionReason"), errorOf(at("deductionReason")))}
                />
                <FieldError id={errorId(at("deductionReason"))} message={errorOf(at("deductionReason"))} />
              </div>
            ) : typed.deductionPoints ? (
              <span>
                {typed.deductionPoints}（{typed.deductionReason}）
              </span>
            ) : (
              <span className="text-muted">—</span>
            )}
          </td>
        ) : null}
        <td className="num">
          <ScoreExplanation label={`${row.name} 得分`} score={result?.score ? fmt2(result.score) : null} explanation={result?.explanation ?? "有待修改的内容，暂不计分"} />
          {row.issues.length > 0 ? <p className="mt-1 whitespace-normal text-left text-xs text-red-700">{row.issues.join("；")}</p> : null}
        </td>
        {showBeside ? (
          <td className="text-xs">
            {row.beside ? (
              <>
                <ScoreExplanation label={`${row.name} 对照得分`} score={row.beside.score.score} explanation={row.beside.score.explanation} />
                {row.beside.band ? <p className="mt-1 text-muted">{row.beside.band}</p> : null}
                {row.beside.actual !== null ? (
                  <p className="text-muted">
                    完成值 {row.beside.actual}
                    {row.unit}
                  </p>
                ) : null}
                {row.beside.deviationReason ? <p className="mt-1 text-muted">偏差原因：{row.beside.deviationReason}</p> : null}
              </>
            ) : (
              <span className="text-muted">—</span>
            )}
          </td>
        ) : null}
      </tr>
      <tr>
        <td colSpan={columnCount} className="bg-[#fbfcfd]">
          {editable ? (
            <>
              <label htmlFor={at("deviationReason")} className="text-xs font-medium">
                {label("偏差原因分析及改进措施")}
              </label>
              {needsReason ? (
                <span id={`${at("deviationReason")}-hint`} className="ml-1 text-xs text-red-700">
                  （得分低于分值，定稿前必填）
                </span>
              ) : null}
              <textarea
                id={at("deviationReason")}
                name={at("deviationReason")}
                value={typed.deviationReason}
                onChange={(e) => onChange("deviationReason", e.target.value)}
                rows={1}
                className={`${inputClass} mt-1 min-h-8 resize-y`}
                {...describedBy(at("deviationReason"), errorOf(at("deviationReason")), needsReason ? `${at("deviationReason")}-hint` : undefined)}
              />
              <FieldError id={errorId(at("deviationReason"))} message={errorOf(at("deviationReason"))} />
            </>
          ) : (
            <p className="text-xs">
              <span className="font-medium">偏差原因分析及改进措施：</span>
              {typed.deviationReason || <span className="text-muted">—</span>}
            </p>
          )}
        </td>
      </tr>
    </tbody>
  );
}

/** `１，６００` → `1600`: shown under an input when what was typed is not already the plain number. */
function understoodAs(text: string, row: EvaluationRowView): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const checked = checkRow(row, { actual: trimmed, band: "", gradeScore: "", deductionPoints: "", deductionReason: "", deviationReason: "" }, { allowDeduction: true });
  const value = checked.values?.actual;
  if (!value || value === trimmed) return null;
  return `${value}${row.unit}`;
}

function BudgetBlock({
  view,
  editable,
  executed,
  score,
  error,
  onChange,
}: {
  view: EvaluationView;
  editable: boolean;
  executed: string;
  score: SheetScore | null;
  error?: string;
  onChange: (value: string) => void;
}) {
  const b = score?.budget ?? null;
  const understood = (() => {
    const e = checkExecuted(executed);
    return e.ok && e.value !== null && e.value !== executed.trim() ? formatAmount(e.value) : null;
  })();
  return (
    <table className="form-table">
      <caption className="sr-only">项目资金与预算执行率</caption>
      <thead>
        <tr>
          <th scope="col">年初预算数（万元）</th>
          <th scope="col">年内调整（万元）</th>
          <th scope="col">全年预算数（万元）</th>
          <th scope="col">全年执行数（万元）</th>
          <th scope="col">执行率</th>
          <th scope="col">分值</th>
          <th scope="col">得分</th>
          <th scope="col">各月执行数</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td className="num">{formatAmount(view.budget.initial)}</td>
          <td className="num">{formatAmount(view.budget.adjustment)}</td>
          <td className="num">{formatAmount(view.budget.fullYear)}</td>
          <td>
            {editable ? (
              <>
                <label htmlFor="executed" className="sr-only">
                  全年执行数（万元）
                </label>
                <input
                  id="executed"
                  name="executed"
                  value={executed}
                  onChange={(e) => onChange(e.target.value)}
                  inputMode="decimal"
                  autoComplete="off"
                  className={`${inputClass} text-right`}
                  {...describedBy("executed", error)}
                />
                {view.budget.prefilledFrom !== null && executed === view.budget.executed ? (
                  <p className="mt-1 text-xs text-amber-700">取自{view.budget.prefilledFrom}月执行数，未保存</p>
                ) : null}
                {understood ? <p className="mt-1 text-xs text-muted">识别为 {understood}</p> : null}
                <FieldError id={errorId("executed")} message={error} />
              </>
            ) : (
              <span className="block text-right">{executed ? formatAmount(executed) : "—"}</span>
            )}
          </td>
          <td className="num">{b?.rate ? `${fmt2(b.rate)}%` : "—"}</td>
          <td className="num">{view.budget.weight}</td>
          <td className="num">
            <ScoreExplanation label="预算执行率 得分" score={b?.score ? fmt2(b.score) : null} explanation={b?.explanation ?? "—"} />
          </td>
          <td className="text-xs">
            {view.executedByMonth.length > 0 ? (
              <details>
                <summary className="cursor-pointer">
                  {view.executedByMonth.at(-1)!.month}月：{formatAmount(view.executedByMonth.at(-1)!.executed)}
                </summary>
                <ul className="mt-1">
                  {view.executedByMonth.map((m) => (
                    <li key={m.month}>
                      {m.month}月：{formatAmount(m.executed)}
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              <span className="text-muted">未填报</span>
            )}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function Summary({ view, score, dirty }: { view: EvaluationView; score: SheetScore | null; dirty: boolean }) {
  const pending = score ? score.rows.filter((r) => r.status === "pending").length + (score.budget.status === "pending" ? 1 : 0) : 0;
  return (
    <section aria-label="评价结果" className="flex flex-wrap items-baseline gap-x-6 gap-y-1 rounded border border-line bg-white px-4 py-2">
      <p>
        {view.mode === "self" ? "自评总分" : "总分"}
        <output aria-label="总分" className="ml-2 text-xl font-semibold tabular-nums">
          {score ? fmt2(score.total) : "—"}
        </output>
        <span className="ml-1 text-muted">/ {view.result.maxTotal}</span>
      </p>
      <p>
        评价等级
        <output aria-label="评价等级" className="ml-2 text-xl font-semibold">
          {score?.grade ?? "—"}
        </output>
      </p>
      {score && !score.complete ? <p className="text-amber-800">尚有 {pending} 项待评（按 0 分计）</p> : null}
      {dirty ? <p className="text-muted">含未保存的修改</p> : null}
      {view.beside ? (
        <p className="text-muted">
          {view.beside.label}：{view.beside.state === "NONE" ? "未填写" : `${view.beside.total}（${view.beside.grade}）${view.beside.complete ? "" : "，未完成"}`}
        </p>
      ) : null}
    </section>
  );
}

function ResultMessage({ state }: { state: EvaluationActionState }) {
  if (state.ok) {
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-1.5 text-green-800">
        {state.message}
      </p>
    );
  }
  return <Refusal boxed error={state.error} problems={state.problems.map((p) => p.message)} />;
}
