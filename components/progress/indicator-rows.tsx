"use client";

import type { ReactNode } from "react";
import { Select, TextArea } from "@/components/ui/field";
import { NumberInput } from "@/components/ui/number-input";
import { NEGATIVE_ALLOWED_HINT } from "@/lib/targets/plausible-value";
import type { ActionForm } from "@/components/ui/use-action-form";
import type { EvidenceFileView } from "@/lib/evidence/evidence-view";
import { LIKELIHOOD_LABELS, MEASURE_TYPE_LABEL, QUALITATIVE_LABEL } from "@/lib/progress/labels";
import type { ProgressRowView, ProgressView } from "@/lib/progress/progress-view";
import { groupRows } from "@/lib/sheets/group-rows";
import { GroupCells } from "@/components/sheets/group-cells";
import { CarriedTag } from "./carry-over";
import { LightBadge } from "./light-badge";
import { rowPath } from "./progress-values";

const options = (labels: readonly string[]) => labels.map((l) => ({ value: l, label: l }));
const QUALITATIVE_OPTIONS = options(Object.values(QUALITATIVE_LABEL));
const LIKELIHOOD_OPTIONS = options(LIKELIHOOD_LABELS);
const MEASURE_TYPE_OPTIONS = Object.entries(MEASURE_TYPE_LABEL).map(([value, label]) => ({ value, label }));

/**
 * 绩效指标完成情况: one table row per indicator on wide screens; below `md` the same rows are cards
 * (`.card-table` in globals.css: each cell on its own line under its column's name), so phones get one
 * card per indicator without a second copy of the form.
 */
export function IndicatorRows({
  view,
  form,
  files,
  onMeasureType,
  toolbar,
}: {
  view: ProgressView;
  form: ActionForm;
  files: EvidenceFileView[];
  onMeasureType: (row: ProgressRowView, measureType: string) => void;
  /** Actions on the whole table (沿用上月), under its heading. */
  toolbar?: ReactNode;
}) {
  const m = view.month;
  const valueLabel = `实际完成值（截至${m}月）`;
  return (
    <section aria-labelledby="rows-title" className="space-y-2">
      <h2 id="rows-title" className="font-semibold">
        绩效指标完成情况（截至{view.monthLabel}）
      </h2>
      {toolbar}
      <div className="md:overflow-x-auto">
        <table className="form-table card-table md:min-w-[1280px]">
          <caption className="sr-only">绩效指标完成情况（{view.monthLabel}）</caption>
          <colgroup>
            {[5, 6, 11, 6, 7, 5, 9, 8, 7, 8, 9, 9, 5, 5].map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {[
                "一级指标",
                "二级指标",
                "三级指标",
                "指标值",
                "计量方式",
                "上月完成值",
                valueLabel,
                "预警",
                "完成目标可能性",
                "全年预计完成值",
                "偏差原因",
                "改进措施",
                "预计得分",
                "佐证资料",
              ].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groupRows(view.rows).map(({ row, level1Span, level2Span }) => (
              <IndicatorRow
                key={row.indicatorId}
                view={view}
                row={row}
                level1Span={level1Span}
                level2Span={level2Span}
                form={form}
                files={files}
                onMeasureType={onMeasureType}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function IndicatorRow({
  view,
  row,
  level1Span,
  level2Span,
  form,
  files,
  onMeasureType,
}: {
  view: ProgressView;
  row: ProgressRowView;
  level1Span: number;
  level2Span: number;
  form: ActionForm;
  files: EvidenceFileView[];
  onMeasureType: (row: ProgressRowView, measureType: string) => void;
}) {
  const m = view.month;
  const editable = view.permissions.edit;
  const id = row.indicatorId;
  const path = (field: Parameters<typeof rowPath>[1]) => rowPath(id, field);
  const rowProblem = form.state.problems.find((p) => p.path === `rows.${id}`)?.message;
  const rowDirty = form.dirtyPaths.some((p) => p.startsWith(`rows.${id}.`));
  const missing = row.needsExplanation && editable;
  const evidenceCount = files.filter((f) => f.indicatorId === id).length;
  const valueLabel = `实际完成值（截至${m}月）`;
  return (
    <tr aria-invalid={rowProblem ? true : undefined}>
      <GroupCells level1={row.level1} level2={row.level2} level1Span={level1Span} level2Span={level2Span} />
      <th scope="row" className="font-normal max-md:bg-head max-md:font-semibold">
        <span className="block text-xs font-normal text-muted md:hidden">
          {row.level1} · {row.level2}
        </span>
        {row.name}
        <CarriedTag row={row} form={form} />
        {rowProblem ? <p className="mt-0.5 text-xs font-normal text-red-700">{rowProblem}</p> : null}
      </th>
      <td data-label="指标值">
        <span title={`解析为：${row.targetText}；权重 ${row.weight}；${row.rule || "按照完成比例赋分"}`} className="cursor-help">
          {row.targetRaw}
        </span>
      </td>
      <td data-label="计量方式">
        {row.qualitative ? (
          <span className="text-muted">定性</span>
        ) : view.permissions.configure ? (
          <Select
            label={`计量方式：${row.name}`}
            hideLabel
            options={MEASURE_TYPE_OPTIONS}
            value={row.measureType}
            disabled={form.busy}
            onChange={(v) => onMeasureType(row, v)}
          />
        ) : (
          row.measureTypeLabel
        )}
      </td>
      <td className="num" data-label="上月完成值">
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
      <td className={row.qualitative ? undefined : "num"} data-label={valueLabel}>
        {!editable ? (
          <ReadValue value={row.entry.value} unit={row.unit} />
        ) : row.qualitative ? (
          <Select label={`${valueLabel}：${row.name}`} hideLabel placeholder="请选择" options={QUALITATIVE_OPTIONS} {...form.bind(path("value"))} />
        ) : (
          <NumberInput
            label={`${valueLabel}：${row.name}`}
            hideLabel
            stored={row.entry.value ?? ""}
            suffix={row.unit}
            allowPercent={row.percentUnit}
            show={(v) => `${v}${row.unit}`}
            hint={row.allowsNegative ? NEGATIVE_ALLOWED_HINT : undefined}
            {...form.bind(path("value"))}
          />
        )}
      </td>
      <td data-label="预警">
        <LightBadge light={row.light} />
        {rowDirty ? <span className="mt-0.5 block text-xs text-muted">保存后更新</span> : null}
      </td>
      <td data-label="完成目标可能性">
        {editable ? (
          <Select label={`完成目标可能性：${row.name}`} hideLabel placeholder="请选择" options={LIKELIHOOD_OPTIONS} {...form.bind(path("likelihood"))} />
        ) : (
          (row.entry.likelihood ?? <span className="text-muted">—</span>)
        )}
      </td>
      <td className={row.qualitative ? undefined : "num"} data-label="全年预计完成值">
        {row.qualitative ? (
          <span className="text-muted">—</span>
        ) : editable ? (
          <NumberInput
            label={`全年预计完成值：${row.name}`}
            hideLabel
            stored={row.entry.forecast ?? ""}
            suffix={row.unit}
            allowPercent={row.percentUnit}
            show={(v) => `${v}${row.unit}`}
            {...form.bind(path("forecast"))}
          />
        ) : (
          <ReadValue value={row.entry.forecast} unit={row.unit} empty="—" />
        )}
      </td>
      {(["deviationReason", "improvement"] as const).map((field) => {
        const label = field === "deviationReason" ? "偏差原因" : "改进措施";
        return (
          <td key={field} data-label={label}>
            {editable ? (
              <TextArea
                label={`${label}：${row.name}`}
                hideLabel
                warning={missing && !form.value(path(field)).trim() ? "非绿灯，提交前必填" : undefined}
                {...form.bind(path(field))}
              />
            ) : (
              <ReadText text={field === "deviationReason" ? row.entry.deviationReason : row.entry.improvement} />
            )}
          </td>
        );
      })}
      <td className="num" data-label="预计得分">
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
      <td data-label="佐证资料">
        <a
          href={`#evidence-${id}`}
          className="inline-block min-h-[40px] py-2 text-brand hover:underline md:min-h-0 md:py-0"
          aria-label={`佐证资料：${row.name}（${evidenceCount} 个文件）`}
        >
          {evidenceCount} 个文件
        </a>
      </td>
    </tr>
  );
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
