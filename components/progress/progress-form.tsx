"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useId, useState } from "react";
import { formatAmount } from "@/components/ui/format";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AppErrorCode, Problem } from "@/lib/errors";
import { parseDecimal } from "@/lib/numbers/parse-decimal";
import { LIKELIHOOD_LABELS, MEASURE_TYPE_LABEL, QUALITATIVE_LABEL } from "@/lib/progress/labels";
import type { ProgressRowView, ProgressView } from "@/lib/progress/progress-view";
import { groupRows } from "@/lib/sheets/group-rows";
import type { ProgressActionResult } from "./action-result";
import { LightBadge } from "./light-badge";
import { GroupCells } from "@/components/sheets/group-cells";

/** The server actions the form calls (passed in by the page, so this component never imports app/). */
export interface ProgressActions {
  save: (input: unknown) => Promise<ProgressActionResult>;
  submit: (input: unknown) => Promise<ProgressActionResult>;
  review: (input: unknown) => Promise<ProgressActionResult>;
  reopen: (input: unknown) => Promise<ProgressActionResult>;
  adjustBudget: (input: unknown) => Promise<ProgressActionResult>;
  setMeasureType: (input: unknown) => Promise<ProgressActionResult>;
}

interface RowDraft {
  value: string;
  likelihood: string;
  forecast: string;
  deviationReason: string;
  improvement: string;
}

/** `code`: the refusal's error code (CONFLICT offers 载入最新数据). */
export type Banner = { kind: "success" | "error"; code?: AppErrorCode | "ERROR"; message: string; items: string[]; warnings: string[] } | null;

const QUALITATIVE_OPTIONS = Object.values(QUALITATIVE_LABEL);
const MEASURE_TYPE_OPTIONS = Object.entries(MEASURE_TYPE_LABEL);

const stored = (row: ProgressRowView): RowDraft => ({
  value: row.entry.value ?? "",
  likelihood: row.entry.likelihood ?? "",
  forecast: row.entry.forecast ?? "",
  deviationReason: row.entry.deviationReason,
  improvement: row.entry.improvement,
});

const sameDraft = (a: RowDraft, b: RowDraft) =>
  a.value.trim() === b.value.trim() &&
  a.likelihood === b.likelihood &&
  a.forecast.trim() === b.forecast.trim() &&
  a.deviationReason.trim() === b.deviationReason.trim() &&
  a.improvement.trim() === b.improvement.trim();

/**
 * 进度填报 of one sheet-month: the lead types values, forecasts, explanations and 执行数, sees what each number
 * was understood as before saving, and saves or submits; lights and the projected score come back from the
 * server (lib/scoring). Managers review, return, reopen and switch measure types here. What was typed is kept
 * when a save is refused, with each message next to its field.
 */
export function ProgressForm({ initial, actions }: { initial: ProgressView; actions: ProgressActions }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [view, setView] = useState(initial);
  const [seen, setSeen] = useState(initial);
  // A refreshed page (another tab's upload, 载入最新数据) brings new server state; drafts stay.
  if (initial !== seen) {
    setSeen(initial);
    setView(initial);
  }
  const [drafts, setDrafts] = useState<Record<number, RowDraft>>({});
  const [executedDraft, setExecutedDraft] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<Banner>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [reopenReason, setReopenReason] = useState("");
  const [adjustAmount, setAdjustAmount] = useState("");
  const [adjustReason, setAdjustReason] = useState("");

  const m = view.month;
  const editable = view.permissions.edit;
  const draftOf = (row: ProgressRowView) => drafts[row.indicatorId] ?? stored(row);
  const dirtyRows = view.rows.filter((r) => drafts[r.indicatorId] && !sameDraft(drafts[r.indicatorId]!, stored(r)));
  const executedStored = view.budget.executed ?? "";
  const executedDirty = executedDraft !== null && executedDraft.trim() !== executedStored;
  const dirty = dirtyRows.length > 0 || executedDirty;
  const busy = !hydrated || pending !== null;

  function setRowField(row: ProgressRowView, field: keyof RowDraft, value: string) {
    setDrafts((all) => ({ ...all, [row.indicatorId]: { ...(all[row.indicatorId] ?? stored(row)), [field]: value } }));
  }

  /** Applies an action's answer: the new state, or the refusal's messages next to their fields. */
  function apply(result: ProgressActionResult, sentRows: number[] = []): result is Extract<ProgressActionResult, { ok: true }> {
    if (result.ok) {
      setView(result.state);
      setFieldErrors({});
      setBanner({ kind: "success", message: result.message, items: [], warnings: result.warnings });
      return true;
    }
    const errors: Record<string, string> = {};
    const general: string[] = [];
    for (const p of result.problems) {
      const key = fieldKey(p, sentRows);
      if (key) errors[key] ??= p.message;
      general.push(p.message);
    }
    setFieldErrors(errors);
    setBanner({ kind: "error", code: result.code, message: result.error, items: general, warnings: [] });
    return false;
  }

  async function call(name: string, work: () => Promise<ProgressActionResult>, sentRows?: number[]): Promise<ProgressActionResult | null> {
    setPending(name);
    try {
      const result = await work();
      apply(result, sentRows);
      return result;
    } catch {
      setBanner({ kind: "error", message: "无法连接服务器，请稍后重试（填写的内容仍保留在页面上）", items: [], warnings: [] });
      return null;
    } finally {
      setPending(null);
    }
  }

  async function save(): Promise<ProgressView | null> {
    const rows = dirtyRows.map((row) => {
      const d = draftOf(row);
      return {
        indicatorId: row.indicatorId,
        version: row.entry.version,
        value: d.value.trim() || null,
        likelihood: d.likelihood || null,
        forecast: row.qualitative ? null : d.forecast.trim() || null,
        deviationReason: d.deviationReason,
        improvement: d.improvement,
      };
    });
    const input = {
      sheetId: view.sheet.id,
      month: m,
      rows,
      ...(executedDirty ? { executed: { value: executedDraft!.trim() || null, version: view.monthVersion } } : {}),
    };
    const result = await call("save", () => actions.save(input), rows.map((r) => r.indicatorId));
    if (!result?.ok) return null;
    setDrafts({});
    setExecutedDraft(null);
    return result.state;
  }

  async function submit() {
    const current = dirty ? await save() : view;
    if (!current) return;
    await call("submit", () => actions.submit({ sheetId: current.sheet.id, month: m, version: current.monthVersion }));
  }

  async function review(decision: "approve" | "return") {
    const result = await call(decision, () => actions.review({ sheetId: view.sheet.id, month: m, version: view.monthVersion, decision, comment }));
    if (result?.ok) setComment("");
  }

  async function reopen() {
    const result = await call("reopen", () => actions.reopen({ sheetId: view.sheet.id, month: m, version: view.monthVersion, reason: reopenReason }));
    if (result?.ok) setReopenReason("");
  }

  async function adjust() {
    const result = await call("adjust", () => actions.adjustBudget({ sheetId: view.sheet.id, month: m, amount: adjustAmount, reason: adjustReason }));
    if (result?.ok) {
      setAdjustAmount("");
      setAdjustReason("");
    }
  }

  async function switchMeasureType(row: ProgressRowView, measureType: string) {
    await call("measure", () => actions.setMeasureType({ indicatorId: row.indicatorId, measureType, version: row.indicatorVersion, month: m }));
  }

  return (
    <div className="space-y-4">
      <StatusBar view={view} />
      <Summary view={view} />

      <section aria-labelledby="budget-title" className="space-y-2">
        <h2 id="budget-title" className="font-semibold">
          预算执行
        </h2>
        <table className="form-table">
          <caption className="sr-only">预算执行（{view.monthLabel}）</caption>
          <thead>
            <tr>
              <th scope="col">年度预算总额（万元）</th>
              <th scope="col">调整预算（万元）</th>
              <th scope="col">全年预算数（万元）</th>
              <th scope="col">执行数（截至{m}月，万元）</th>
              <th scope="col">预算执行率</th>
              <th scope="col">预警</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="num">{formatAmount(view.budget.total)}</td>
              <td className="num">{formatAmount(view.budget.adjustment)}</td>
              <td className="num">{formatAmount(view.budget.fullYear)}</td>
              <td className="num">
                {editable ? (
                  <NumberInput
                    label={`执行数（截至${m}月，万元）`}
                    value={executedDraft ?? executedStored}
                    stored={executedStored}
                    onChange={setExecutedDraft}
                    error={fieldErrors.executed}
                    preview={(text) => previewNumber(text, false, (v) => `${formatAmount(v)} 万元`)}
                    disabled={busy}
                  />
                ) : view.budget.executed === null ? (
                  <span className="text-muted">未填报</span>
                ) : (
                  formatAmount(view.budget.executed)
                )}
              </td>
              <td className="num">{view.budget.executionRate === null ? "—" : `${view.budget.executionRate}%`}</td>
              <td>
                <LightBadge light={view.budget.light} />
              </td>
            </tr>
          </tbody>
        </table>
        <Adjustments view={view} />
        {editable ? (
          <AdjustForm
            amount={adjustAmount}
            reason={adjustReason}
            onAmount={setAdjustAmount}
            onReason={setAdjustReason}
            onSubmit={adjust}
            errors={{ amount: fieldErrors.amount, reason: fieldErrors.reason }}
            disabled={busy}
            pending={pending === "adjust"}
          />
        ) : null}
      </section>

      <section aria-labelledby="rows-title" className="space-y-2">
        <h2 id="rows-title" className="font-semibold">
          绩效指标完成情况（截至{view.monthLabel}）
        </h2>
        <div className="overflow-x-auto">
          <table className="form-table min-w-[1280px]">
            <caption className="sr-only">绩效指标完成情况（{view.monthLabel}）</caption>
            <colgroup>
              <col style={{ width: "6%" }} />
              <col style={{ width: "6%" }} />
              <col style={{ width: "12%" }} />
              <col style={{ width: "6%" }} />
              <col style={{ width: "7%" }} />
              <col style={{ width: "5%" }} />
              <col style={{ width: "9%" }} />
              <col style={{ width: "8%" }} />
              <col style={{ width: "7%" }} />
              <col style={{ width: "8%" }} />
              <col style={{ width: "10%" }} />
              <col style={{ width: "10%" }} />
              <col style={{ width: "6%" }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">一级指标</th>
                <th scope="col">二级指标</th>
                <th scope="col">三级指标</th>
                <th scope="col">指标值</th>
                <th scope="col">计量方式</th>
                <th scope="col">上月完成值</th>
                <th scope="col">实际完成值（截至{m}月）</th>
                <th scope="col">预警</th>
                <th scope="col">完成目标可能性</th>
                <th scope="col">全年预计完成值</th>
                <th scope="col">偏差原因</th>
                <th scope="col">改进措施</th>
                <th scope="col">预计得分</th>
              </tr>
            </thead>
            <tbody>
              {groupRows(view.rows).map(({ row, level1Span, level2Span }) => {
                const d = draftOf(row);
                const err = (field: string) => fieldErrors[`${row.indicatorId}.${field}`];
                const rowDirty = dirtyRows.includes(row);
                const missing = row.needsExplanation && editable;
                return (
                  <tr key={row.indicatorId} aria-invalid={fieldErrors[`${row.indicatorId}.row`] ? true : undefined}>
                    <GroupCells level1={row.level1} level2={row.level2} level1Span={level1Span} level2Span={level2Span} />
                    <th scope="row" className="font-normal">
                      {row.name}
                      {fieldErrors[`${row.indicatorId}.row`] ? <FieldError message={fieldErrors[`${row.indicatorId}.row`]!} /> : null}
                    </th>
                    <td>
                      <span title={`解析为：${row.targetText}；权重 ${row.weight}；${row.rule || "按照完成比例赋分"}`} className="cursor-help">
                        {row.targetRaw}
                      </span>
                    </td>
                    <td>
                      {row.qualitative ? (
                        <span className="text-muted">定性</span>
                      ) : view.permissions.configure ? (
                        <select
                          aria-label={`计量方式：${row.name}`}
                          value={row.measureType}
                          disabled={busy}
                          onChange={(e) => switchMeasureType(row, e.target.value)}
                          className="w-full rounded border border-line bg-white px-0.5 py-0.5 text-xs"
                        >
                          {MEASURE_TYPE_OPTIONS.map(([value, label]) => (
                            <option key={value} value={value}>
                              {label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        row.measureTypeLabel
                      )}
                    </td>
                    <td className="num">
                      {row.previousValue ?? <span className="text-muted">—</span>}
                      {row.entry.id !== null ? (
                        <a
                          href={`/audit/history?entityType=ProgressEntry&entityId=${row.entry.id}`}
                          aria-label={`修改记录：${row.name}`}
                          className="no-print block text-xs text-brand hover:underline"
                        >
                          修改记录
                        </a>
                      ) : null}
                    </td>
                    <td className={row.qualitative ? undefined : "num"}>
                      {!editable ? (
                        <ReadValue value={row.entry.value} unit={row.unit} />
                      ) : row.qualitative ? (
                        <Select
                          label={`实际完成值（截至${m}月）：${row.name}`}
                          value={d.value}
                          options={QUALITATIVE_OPTIONS}
                          onChange={(v) => setRowField(row, "value", v)}
                          error={err("value")}
                          disabled={busy}
                        />
                      ) : (
                        <NumberInput
                          label={`实际完成值（截至${m}月）：${row.name}`}
                          value={d.value}
                          stored={row.entry.value ?? ""}
                          onChange={(v) => setRowField(row, "value", v)}
                          error={err("value")}
                          suffix={row.unit}
                          preview={(text) => previewNumber(text, row.percentUnit, (v) => `${v}${row.unit}`)}
                          disabled={busy}
                        />
                      )}
                    </td>
                    <td>
                      <LightBadge light={row.light} />
                      {rowDirty ? <span className="mt-0.5 block text-xs text-muted">保存后更新</span> : null}
                    </td>
                    <td>
                      {editable ? (
                        <Select
                          label={`完成目标可能性：${row.name}`}
                          value={d.likelihood}
                          options={LIKELIHOOD_LABELS}
                          onChange={(v) => setRowField(row, "likelihood", v)}
                          error={err("likelihood")}
                          disabled={busy}
                        />
                      ) : (
                        (row.entry.likelihood ?? <span className="text-muted">—</span>)
                      )}
                    </td>
                    <td className={row.qualitative ? undefined : "num"}>
                      {row.qualitative ? (
                        <span className="text-muted">—</span>
                      ) : editable ? (
                        <NumberInput
                          label={`全年预计完成值：${row.name}`}
                          value={d.forecast}
                          stored={row.entry.forecast ?? ""}
                          onChange={(v) => setRowField(row, "forecast", v)}
                          error={err("forecast")}
                          suffix={row.unit}
                          preview={(text) => previewNumber(text, row.percentUnit, (v) => `${v}${row.unit}`)}
                          disabled={busy}
                        />
                      ) : (
                        <ReadValue value={row.entry.forecast} unit={row.unit} empty="—" />
                      )}
                    </td>
                    <td>
                      {editable ? (
                        <TextArea
                          label={`偏差原因：${row.name}`}
                          value={d.deviationReason}
                          onChange={(v) => setRowField(row, "deviationReason", v)}
                          error={err("deviationReason")}
                          hint={missing && !d.deviationReason.trim() ? "非绿灯，提交前必填" : undefined}
                          disabled={busy}
                        />
                      ) : (
                        <ReadText text={row.entry.deviationReason} />
                      )}
                    </td>
                    <td>
                      {editable ? (
                        <TextArea
                          label={`改进措施：${row.name}`}
                          value={d.improvement}
                          onChange={(v) => setRowField(row, "improvement", v)}
                          error={err("improvement")}
                          hint={missing && !d.improvement.trim() ? "非绿灯，提交前必填" : undefined}
                          disabled={busy}
                        />
                      ) : (
                        <ReadText text={row.entry.improvement} />
                      )}
                    </td>
                    <td className="num">
                      {row.projected ? (
                        <span title={row.projected.explanation} className="cursor-help">
                          {row.projected.score ?? "—"}
                          <span className="text-muted"> / {row.projected.max}</span>
                          <span className="sr-only">（{row.projected.explanation}）</span>
                        </span>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {/* Next to the buttons that caused it, where the eyes are after a click. */}
      {banner ? <BannerBox banner={banner} onReload={() => router.refresh()} /> : null}

      {view.permissions.edit || view.permissions.submit ? (
        <div className="no-print flex flex-wrap items-center gap-3 border-t border-line pt-3">
          {editable ? (
            <button
              type="button"
              onClick={() => void save()}
              disabled={busy || !dirty}
              className="rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-50"
            >
              {pending === "save" ? "正在保存…" : "保存"}
            </button>
          ) : null}
          {view.permissions.submit ? (
            <button
              type="button"
              onClick={() => void submit()}
              disabled={busy}
              className="rounded border border-brand bg-white px-4 py-1.5 font-medium text-brand hover:bg-brand/5 disabled:opacity-50"
            >
              {pending === "submit" ? "正在提交…" : "提交"}
            </button>
          ) : null}
          <span className="text-sm text-muted">
            {dirty ? `有 ${dirtyRows.length + (executedDirty ? 1 : 0)} 项修改尚未保存` : "所有修改均已保存"}。提交后本月将锁定，由管理者审核。
          </span>
        </div>
      ) : null}

      {view.permissions.review || view.permissions.reopen ? (
        <section aria-labelledby="review-title" className="no-print space-y-2 rounded border border-line bg-white p-3">
          <h2 id="review-title" className="font-semibold">
            审核
          </h2>
          {view.permissions.review ? (
            <div className="flex flex-wrap items-end gap-3">
              <button
                type="button"
                onClick={() => void review("approve")}
                disabled={busy}
                className="rounded bg-green-700 px-4 py-1.5 font-medium text-white hover:bg-green-800 disabled:opacity-50"
              >
                {pending === "approve" ? "正在审核…" : "审核通过"}
              </button>
              {/* Inside a period locked by an admin a month cannot go back to the lead: approving is all that is left. */}
              {view.periodLock ? (
                <p className="text-sm text-muted">{view.periodLock.label}：只能审核通过，不能退回。</p>
              ) : (
                <>
                  <div className="flex-1">
                    <TextArea label="退回意见" visibleLabel value={comment} onChange={setComment} error={fieldErrors.comment} disabled={busy} rows={2} />
                  </div>
                  <button
                    type="button"
                    onClick={() => void review("return")}
                    disabled={busy}
                    className="rounded border border-red-700 bg-white px-4 py-1.5 font-medium text-red-800 hover:bg-red-50 disabled:opacity-50"
                  >
                    {pending === "return" ? "正在退回…" : "退回"}
                  </button>
                </>
              )}
            </div>
          ) : null}
          {view.permissions.reopen ? (
            <div className="flex flex-wrap items-end gap-3">
              <div className="flex-1">
                <TextArea label="重新开放原因" visibleLabel value={reopenReason} onChange={setReopenReason} error={fieldErrors.reason} disabled={busy} rows={2} />
              </div>
              <button
                type="button"
                onClick={() => void reopen()}
                disabled={busy}
                className="rounded border border-brand bg-white px-4 py-1.5 font-medium text-brand hover:bg-brand/5 disabled:opacity-50"
              >
                {pending === "reopen" ? "正在处理…" : "重新开放"}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** Where a problem belongs: `executed`, `<indicatorId>.<field>`, `<indicatorId>.row`, or a form field. */
function fieldKey(p: Problem, sentRows: number[]): string | null {
  const parts = p.path.split(".");
  if (parts[0] === "indicators" && parts[1]) return `${parts[1]}.${parts[2] ?? "row"}`;
  if (parts[0] === "rows" && parts[1] !== undefined) {
    const id = sentRows[Number(parts[1])];
    return id === undefined ? null : `${id}.${parts[2] ?? "row"}`;
  }
  if (parts[0] === "executed") return "executed";
  return p.path || null;
}

/** What a typed number was understood as, or why not; null when there is nothing to say. */
function previewNumber(text: string, allowPercent: boolean, show: (value: string) => string): { ok: boolean; text: string } | null {
  if (text.trim() === "") return null;
  const parsed = parseDecimal(text, { allowPercent });
  if (!parsed.ok) return { ok: false, text: parsed.error };
  return parsed.value === text.trim() ? null : { ok: true, text: `识别为 ${show(parsed.value)}` };
}

function StatusBar({ view }: { view: ProgressView }) {
  const tone =
    view.status === "APPROVED" ? "border-green-300 bg-green-50" : view.status === "RETURNED" ? "border-red-300 bg-red-50" : view.status === "SUBMITTED" ? "border-sky-300 bg-sky-50" : "border-line bg-white";
  return (
    <section aria-label="填报状态" className={`flex flex-wrap items-center gap-x-4 gap-y-1 rounded border px-3 py-2 ${tone}`}>
      <span>
        状态：<strong>{view.statusLabel}</strong>
      </span>
      {view.locked ? <span className="rounded bg-ink px-2 py-px text-xs text-white">{view.periodLock?.label ?? "已锁定"}</span> : null}
      {view.submitted ? (
        <span className="text-sm text-muted">
          提交：{view.submitted.by ?? "—"} {view.submitted.at}
        </span>
      ) : null}
      {view.reviewed ? (
        <span className="text-sm text-muted">
          审核：{view.reviewed.by ?? "—"} {view.reviewed.at}
        </span>
      ) : null}
      {view.reviewComment ? (
        <p className="basis-full">
          {view.status === "RETURNED" ? "退回意见" : "审核意见"}：{view.reviewComment}
        </p>
      ) : null}
      {!view.sheet.published ? <p className="basis-full text-muted">该绩效目标表尚未发布，发布后才能填报进度。</p> : null}
      {view.month > view.reportingMonth ? <p className="basis-full text-muted">{view.monthLabel}尚未到来，还不能填报。</p> : null}
      {view.locked && view.status === "SUBMITTED" ? <p className="basis-full text-muted">已提交待审核，审核前不能修改。</p> : null}
      {view.periodLock ? (
        <p className="basis-full text-muted">{view.periodLock.message}；如确需修改，请联系管理员解除锁定。</p>
      ) : view.locked && view.status === "APPROVED" ? (
        <p className="basis-full text-muted">已审核通过，如需修改请联系管理者重新开放。</p>
      ) : null}
    </section>
  );
}

function Summary({ view }: { view: ProgressView }) {
  return (
    <section aria-label="本月概况" className="grid grid-cols-2 gap-2 md:grid-cols-4">
      <Item label="时间进度">{view.timeProgress}</Item>
      <Item label="本月预警">
        <LightBadge light={view.sheetLight} />
      </Item>
      <Item label="预计得分">
        {view.projected ? (
          <span
            title={`按预计全年完成值（未填则按当前完成值）推算；预算执行：${view.projected.budget.explanation}`}
            className="cursor-help text-lg font-semibold tabular-nums"
          >
            {view.projected.total}
            <span className="ml-1 text-sm font-normal">（{view.projected.grade}）</span>
            {view.projected.complete ? null : <span className="ml-1 text-xs font-normal text-muted">部分指标待填报</span>}
          </span>
        ) : (
          <span className="text-muted">{view.projectionError ?? "—"}</span>
        )}
      </Item>
      <Item label="预算执行率">
        <span className="tabular-nums">{view.budget.executionRate === null ? "—" : `${view.budget.executionRate}%`}</span>{" "}
        <LightBadge light={view.budget.light} />
      </Item>
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="rounded border border-line bg-white px-3 py-2">
      <div className="text-xs text-muted">{label}</div>
      <div className="mt-0.5">{children}</div>
    </div>
  );
}

export function BannerBox({ banner, onReload }: { banner: NonNullable<Banner>; onReload: () => void }) {
  const error = banner.kind === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      className={`rounded border px-3 py-2 ${error ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}
    >
      <p className="font-medium">{banner.message}</p>
      {banner.items.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {banner.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : null}
      {banner.warnings.length > 0 ? (
        <div className="mt-1 text-amber-900">
          <p>提醒（草稿可保存，提交前需补充）：</p>
          <ul className="list-disc pl-5">
            {banner.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error && banner.code === "CONFLICT" ? (
        <button type="button" onClick={onReload} className="mt-2 rounded border border-line bg-white px-2 py-0.5 text-ink hover:border-brand">
          载入最新数据（保留我的填写）
        </button>
      ) : null}
    </div>
  );
}

function Adjustments({ view }: { view: ProgressView }) {
  if (view.budget.adjustments.length === 0) return null;
  return (
    <table className="form-table">
      <caption className="py-1 text-left font-medium">调整预算记录</caption>
      <thead>
        <tr>
          <th scope="col">生效月份</th>
          <th scope="col">调整金额（万元）</th>
          <th scope="col">调整原因</th>
          <th scope="col">登记人</th>
          <th scope="col">登记时间</th>
        </tr>
      </thead>
      <tbody>
        {view.budget.adjustments.map((a) => (
          <tr key={a.id} className={a.month > view.month ? "text-muted" : undefined}>
            <td>
              {a.monthLabel}
              {a.month > view.month ? "（本月之后）" : ""}
            </td>
            <td className="num">{a.amount.startsWith("-") ? formatAmount(a.amount) : `+${formatAmount(a.amount)}`}</td>
            <td>{a.reason}</td>
            <td>{a.createdBy ?? "—"}</td>
            <td className="num">{a.createdAt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdjustForm(props: {
  amount: string;
  reason: string;
  onAmount: (v: string) => void;
  onReason: (v: string) => void;
  onSubmit: () => void;
  errors: { amount?: string; reason?: string };
  disabled: boolean;
  pending: boolean;
}) {
  return (
    <details className="no-print rounded border border-line bg-white px-3 py-2">
      <summary className="cursor-pointer font-medium">登记调整预算</summary>
      <div className="mt-2 flex flex-wrap items-start gap-3">
        <div className="w-48">
          <NumberInput
            label="调整金额（万元）"
            visibleLabel
            value={props.amount}
            onChange={props.onAmount}
            error={props.errors.amount}
            preview={(text) => previewNumber(text, false, (v) => `${v.startsWith("-") ? "" : "+"}${formatAmount(v)} 万元`)}
            disabled={props.disabled}
            placeholder="增加为正，减少为负"
          />
        </div>
        <div className="min-w-64 flex-1">
          <TextArea label="调整原因" visibleLabel value={props.reason} onChange={props.onReason} error={props.errors.reason} disabled={props.disabled} rows={1} />
        </div>
        <button
          type="button"
          onClick={props.onSubmit}
          disabled={props.disabled}
          className="mt-6 rounded border border-brand bg-white px-3 py-1 text-brand hover:bg-brand/5 disabled:opacity-50"
        >
          {props.pending ? "正在登记…" : "登记调整"}
        </button>
      </div>
      <p className="mt-1 text-xs text-muted">全年预算数 = 年度预算总额 + 各项调整；调整从所选月份起生效，登记后不可修改（如有错误，请再登记一笔相反的调整）。</p>
    </details>
  );
}

// ── Inputs: every one labelled, with its message next to it ─────────────────────────────────────────────

function NumberInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  suffix?: string;
  preview: (text: string) => { ok: boolean; text: string } | null;
  /** The saved value: what it was understood as is shown only for what was typed since. */
  stored?: string;
  disabled: boolean;
  visibleLabel?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const noteId = useId();
  const preview = props.value.trim() === (props.stored ?? "") ? null : props.preview(props.value);
  const message = props.error ?? (preview && !preview.ok ? preview.text : null);
  return (
    <div className="text-left">
      {props.visibleLabel ? (
        <label htmlFor={id} className="mb-0.5 block text-sm">
          {props.label}
        </label>
      ) : null}
      <div className="flex items-center gap-1">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-label={props.visibleLabel ? undefined : props.label}
          aria-invalid={message ? true : undefined}
          aria-describedby={message || preview ? noteId : undefined}
          value={props.value}
          placeholder={props.placeholder}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
          className={`w-full min-w-0 rounded border bg-white px-1.5 py-0.5 text-right tabular-nums ${message ? "border-red-600" : "border-line"}`}
        />
        {props.suffix ? <span className="shrink-0 text-xs text-muted">{props.suffix}</span> : null}
      </div>
      {message ? (
        <p id={noteId} className="mt-0.5 whitespace-normal text-xs text-red-700">
          {message}
        </p>
      ) : preview ? (
        <p id={noteId} className="mt-0.5 whitespace-normal text-xs text-muted">
          {preview.text}
        </p>
      ) : null}
    </div>
  );
}

function Select(props: { label: string; value: string; options: readonly string[]; onChange: (v: string) => void; error?: string; disabled: boolean }) {
  const noteId = useId();
  return (
    <div>
      <select
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? noteId : undefined}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        className={`w-full rounded border bg-white px-1 py-0.5 ${props.error ? "border-red-600" : "border-line"}`}
      >
        <option value="">请选择</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {props.error ? (
        <p id={noteId} className="mt-0.5 text-xs text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function TextArea(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  disabled: boolean;
  visibleLabel?: boolean;
  rows?: number;
}) {
  const id = useId();
  const noteId = useId();
  const note = props.error ?? props.hint;
  return (
    <div>
      {props.visibleLabel ? (
        <label htmlFor={id} className="mb-0.5 block text-sm">
          {props.label}
        </label>
      ) : null}
      <textarea
        id={id}
        aria-label={props.visibleLabel ? undefined : props.label}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        value={props.value}
        rows={props.rows ?? 2}
        maxLength={2000}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
        className={`w-full rounded border bg-white px-1.5 py-0.5 ${props.error ? "border-red-600" : props.hint ? "border-amber-500" : "border-line"}`}
      />
      {note ? (
        <p id={noteId} className={`mt-0.5 text-xs ${props.error ? "text-red-700" : "text-amber-800"}`}>
          {note}
        </p>
      ) : null}
    </div>
  );
}

function FieldError({ message }: { message: string }) {
  return <p className="mt-0.5 text-xs font-normal text-red-700">{message}</p>;
}

function ReadValue({ value, unit, empty = "未填报" }: { value: string | null; unit: string; empty?: string }) {
  if (value === null) return <span className="text-muted">{empty}</span>;
  return (
    <span>
      {value}
      {unit ? <span className="ml-0.5 text-xs text-muted">{unit}</span> : null}
    </span>
  );
}

function ReadText({ text }: { text: string }) {
  return text ? <span className="whitespace-pre-line">{text}</span> : <span className="text-muted">—</span>;
}
