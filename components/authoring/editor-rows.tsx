"use client";

import type { ReactNode } from "react";
import { controlClass } from "@/components/ui/field";
import type { ActionForm } from "@/components/ui/use-action-form";
import type { LintIssue } from "@/lib/lint";
import { SCORING_RULES } from "@/lib/scoring/types";
import { blankRow, duplicateRow, type EditorRow, moveRow, ORDER, removeRow, type RowField, rowPath, rowValues } from "./editor-model";
import { BASIS_CHOICES, EVIDENCE_CHOICES, LEVEL1_CHOICES, level2Choices } from "./levels";
import { understoodTarget } from "./target-text";

const cellInput = (error: unknown) => controlClass(error ? "!" : undefined, "px-1.5 py-0.5");

/** 绩效指标 of the draft editor: one line per row, added, duplicated, moved and deleted from the keyboard. */
export function EditorRows({
  form,
  rows,
  issues,
  weights,
}: {
  form: ActionForm;
  rows: EditorRow[];
  issues: LintIssue[];
  weights: { total: string; complete: boolean };
}) {
  const lists = form.fieldId("lists");
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const nameId = (row: EditorRow) => form.fieldId(rowPath(row.key, "name"));
  /** A new order of the rows; `added` are rows whose values are not in the form yet. */
  const reorder = (next: EditorRow[], added: EditorRow[] = []) => {
    for (const row of added) for (const [path, value] of Object.entries(rowValues(row))) form.set(path, value);
    form.set(ORDER, next.map((r) => r.key).join(","));
  };
  return (
    <fieldset className="rounded border border-line bg-white p-3">
      <legend className="px-1 font-semibold">绩效指标</legend>
      <p className="mb-2 text-sm text-muted">
        指标值照表填写：定量写“比较符+数值+单位”，如 ＞=9项、＜=5%、=100%；定性直接写文字，如 有效推动。输入时下方显示系统的理解。
      </p>
      <div className="overflow-x-auto">
        <table className="form-table min-w-[1180px]">
          <caption className="sr-only">绩效指标（可编辑）</caption>
          <colgroup>
            {[3, 8, 9, 17, 13, 9, 9, 6, 10, 9, 7].map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {["行", "一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "分值", "赋分规则", "佐证资料", "操作"].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <RowEditor
                key={row.key}
                form={form}
                row={row}
                index={index}
                count={rows.length}
                lists={lists}
                issues={issues.filter((i) => i.row === index)}
                onMove={(by) => {
                  reorder(moveRow(rows, index, by));
                  focusLater(form.fieldId(`${row.key}-${by < 0 ? "up" : "down"}`));
                }}
                onDuplicate={() => {
                  const next = duplicateRow(rows, index);
                  reorder(next, [next[index + 1]!]);
                  focusLater(nameId(next[index + 1]!));
                }}
                onDelete={() => {
                  const next = removeRow(rows, index);
                  reorder(next);
                  const neighbour = next[Math.min(index, next.length - 1)];
                  focusLater(neighbour ? nameId(neighbour) : form.fieldId("add-row"));
                }}
              />
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={11} className="py-4 text-center text-muted">
                  还没有指标，请点击“添加指标”。
                </td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={7} className="text-right">
                指标分值权重合计
              </th>
              <td className="num font-semibold" aria-live="polite">
                {weights.total}
                {weights.complete ? "" : "＋?"}
              </td>
              <td colSpan={3} className="text-sm text-muted">
                通常为 90（另 10 分为预算执行率）
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Choices id={`${lists}-level1`} values={LEVEL1_CHOICES} />
      <Choices id={`${lists}-basis`} values={BASIS_CHOICES} />
      <Choices id={`${lists}-evidence`} values={EVIDENCE_CHOICES} />
      <button
        type="button"
        id={form.fieldId("add-row")}
        disabled={form.busy}
        onClick={() => {
          const row = blankRow(rows[rows.length - 1]);
          reorder([...rows, row], [row]);
          focusLater(nameId(row));
        }}
        className="mt-2 min-h-10 rounded border border-line px-3 hover:border-brand disabled:opacity-60"
      >
        添加指标
      </button>
    </fieldset>
  );
}

const Choices = ({ id, values }: { id: string; values: readonly string[] }) => (
  <datalist id={id}>
    {values.map((v) => (
      <option key={v} value={v} />
    ))}
  </datalist>
);

interface RowEditorProps {
  form: ActionForm;
  row: EditorRow;
  index: number;
  count: number;
  lists: string;
  issues: LintIssue[];
  onMove: (by: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function RowEditor({ form, row, index, count, lists, issues, onMove, onDuplicate, onDelete }: RowEditorProps) {
  const n = index + 1;
  const path = (field: RowField) => rowPath(row.key, field);
  const id = (field: RowField) => form.fieldId(path(field));
  const target = understoodTarget(row.targetRaw);
  const linted = (field: string) => issues.some((i) => i.level === "error" && i.field === field);
  const control = (field: RowField, label: string) => {
    const error = form.error(path(field));
    return {
      id: id(field),
      "aria-label": `第${n}行 ${label}`,
      value: row[field],
      disabled: form.busy,
      onChange: (e: { target: { value: string } }) => form.set(path(field), e.target.value),
      "aria-invalid": error || linted(field) ? (true as const) : undefined,
      "aria-describedby": error ? `${id(field)}-error` : undefined,
      className: cellInput(error || linted(field)),
    };
  };
  const message = (field: RowField, except?: string) => {
    const error = form.error(path(field));
    return error && error !== except ? (
      <p id={`${id(field)}-error`} className="text-xs text-red-700">
        {error}
      </p>
    ) : null;
  };
  const cell = (field: RowField, label: string, extra: { list?: string; numeric?: boolean } = {}) => (
    <>
      <input
        {...control(field, label)}
        list={extra.list}
        inputMode={extra.numeric ? "decimal" : undefined}
        className={`${control(field, label).className} ${extra.numeric ? "text-right tabular-nums" : ""}`}
      />
      {message(field)}
    </>
  );
  const level2List = `${lists}-${row.key}-level2`;
  const targetError = form.error(path("targetRaw"));
  return (
    <tr>
      <td className="num text-muted">{n}</td>
      <td>{cell("level1", "一级指标", { list: `${lists}-level1` })}</td>
      <td>
        {cell("level2", "二级指标", { list: level2List })}
        <Choices id={level2List} values={level2Choices(row.level1)} />
      </td>
      <td>{cell("name", "三级指标")}</td>
      <td>
        <input
          {...control("targetRaw", "指标值")}
          aria-invalid={targetError || !target.ok ? true : undefined}
          aria-describedby={`${id("targetRaw")}-understood${targetError ? ` ${id("targetRaw")}-error` : ""}`}
        />
        <p id={`${id("targetRaw")}-understood`} className={`text-xs ${target.ok ? "text-muted" : "text-red-700"}`} aria-live="polite">
          {target.ok ? `解析为：${target.text}` : target.text}
        </p>
        {message("targetRaw", target.text)}
      </td>
      <td>{cell("basis", "指标值设置依据", { list: `${lists}-basis` })}</td>
      <td>{cell("lastYear", "上年完成值")}</td>
      <td>{cell("weight", "指标分值权重", { numeric: true })}</td>
      <td>
        <select {...control("rule", "赋分规则")}>
          <option value="">（不填）</option>
          {SCORING_RULES.map((r) => (
            <option key={r}>{r}</option>
          ))}
          {row.rule && !(SCORING_RULES as readonly string[]).includes(row.rule) ? <option value={row.rule}>{row.rule}</option> : null}
        </select>
        {message("rule")}
      </td>
      <td>{cell("evidence", "佐证资料", { list: `${lists}-evidence` })}</td>
      <td>
        <div className="flex flex-wrap gap-1 text-xs">
          <RowButton id={form.fieldId(`${row.key}-up`)} label={`上移第${n}行`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </RowButton>
          <RowButton id={form.fieldId(`${row.key}-down`)} label={`下移第${n}行`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </RowButton>
          <RowButton label={`复制第${n}行`} onClick={onDuplicate}>
            复制
          </RowButton>
          <RowButton label={`删除第${n}行`} onClick={onDelete}>
            删除
          </RowButton>
        </div>
      </td>
    </tr>
  );
}

function RowButton({ id, label, disabled, onClick, children }: { id?: string; label: string; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      id={id}
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="min-h-10 min-w-10 rounded border border-line px-1.5 hover:border-brand disabled:opacity-40 md:min-h-0 md:min-w-0"
    >
      {children}
    </button>
  );
}
