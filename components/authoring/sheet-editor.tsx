"use client";

import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { lintSheet, type LintIssue } from "@/lib/lint";
import { DEPARTMENT_SHEET_NAME } from "@/lib/authoring/fields";
import { HUNDRED } from "@/lib/scoring/decimal";
import { SCORING_RULES } from "@/lib/scoring/types";
import { describedBy } from "@/components/admin/form-parts";
import { Refusal } from "@/components/ui/refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AuthoringResult } from "./action-state";
import {
  blankRow,
  duplicateRow,
  type EditorHeader,
  type EditorRow,
  fieldId,
  moveRow,
  problemsByField,
  removeRow,
  type RowField,
  toLintSheet,
  weightTotal,
} from "./editor-model";
import { BASIS_CHOICES, EVIDENCE_CHOICES, LEVEL1_CHOICES, level2Choices } from "./levels";
import { LintPanel } from "./lint-panel";
import { understoodAmount, understoodTarget } from "./target-text";

const P = "sheet";
const input = "w-full rounded border border-line bg-white px-2 py-1 focus:border-brand aria-[invalid=true]:border-red-600";
const cellInput = "w-full min-w-0 rounded border border-line bg-white px-1.5 py-0.5 focus:border-brand aria-[invalid=true]:border-red-600";

export interface EditorChoices {
  departments: { name: string; units: string[] }[];
  mayAddUnit: boolean;
}

export interface SheetEditorProps {
  mode: "create" | "edit";
  header: EditorHeader;
  rows: EditorRow[];
  version?: number;
  choices: EditorChoices;
  /** Saves the form; on success of an edit answers the saved state (rows now have ids). */
  action: (form: FormData) => Promise<AuthoringResult<{ version: number; rows: EditorRow[] }>>;
  cancelHref: string;
}

/**
 * The draft editor: header and indicator rows of a 绩效目标表, with the target parsed as it is typed
 * and the lint of the whole sheet beside it. Rows can be added, duplicated, moved and deleted; the
 * whole sheet is saved at once with the version it was opened at. Keyboard-usable: every control is
 * a labelled input or button, and a lint finding can move the focus to its field.
 */
export function SheetEditor(props: SheetEditorProps) {
  const { mode, choices } = props;
  const hydrated = useHydrated();
  const [header, setHeader] = useState(props.header);
  const [rows, setRows] = useState(props.rows);
  const [version, setVersion] = useState(props.version);
  const [result, setResult] = useState<AuthoringResult<unknown> | null>(null);
  const [serverErrors, setServerErrors] = useState<{ fields: Record<string, string>; general: string[] }>({ fields: {}, general: [] });
  const [pending, startTransition] = useTransition();

  const lintInput = useMemo(() => toLintSheet(header, rows), [header, rows]);
  const issues = useMemo(() => lintSheet(lintInput), [lintInput]);
  const weights = weightTotal(rows);
  const units = choices.departments.find((d) => d.name === header.department)?.units ?? choices.departments[0]?.units ?? [];
  const department = header.kind === "department";

  const setField = (field: keyof EditorHeader, value: string) => setHeader((h) => ({ ...h, [field]: value }));
  const setRowField = (key: string, field: RowField, value: string) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const rowIssues = (index: number) => issues.filter((i) => i.row === index);
  const errorOf = (id: string) => serverErrors.fields[id];

  function submit(form: FormData) {
    startTransition(async () => {
      const answer = await props.action(form);
      setResult(answer);
      if (answer.ok) {
        setServerErrors({ fields: {}, general: [] });
        if (answer.data) {
          setVersion(answer.data.version);
          // Saved rows come back in the order sent: each keeps its key (and so its focus).
          const sent = rows;
          setRows(answer.data.rows.map((r, i) => ({ ...r, key: sent[i]?.key ?? r.key })));
        }
      } else {
        setServerErrors(problemsByField(answer.problems, rows, P));
      }
    });
  }

  const targetOfIssue = (issue: LintIssue): string | null => {
    if (issue.row !== undefined) {
      const row = rows[issue.row];
      const field = issue.field && issue.field !== "indicators" ? issue.field : "name";
      return row ? fieldId(P, field, row.key) : null;
    }
    if (issue.field === "weight") return rows[0] ? fieldId(P, "weight", rows[0].key) : null;
    const map: Record<string, string> = { unit: "unit", name: "name", goal: "goal", "funds.total": "fundsTotal", "funds.fiscal": "fundsFiscal", "funds.other": "fundsOther", budgetExecutionWeight: "budgetExecutionWeight" };
    if (issue.field === "indicators") return `${P}-add-row`;
    const mapped = issue.field ? map[issue.field] : undefined;
    return mapped ? fieldId(P, mapped) : null;
  };

  return (
    <form action={submit} noValidate aria-label={mode === "create" ? "新建绩效目标表" : "编辑绩效目标表"} className="space-y-4">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="kind" value={header.kind} />

      <fieldset className="rounded border border-line bg-white p-3">
        <legend className="px-1 font-semibold">基本信息</legend>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
          {mode === "create" ? (
            <>
              <HeaderField id={fieldId(P, "kind")} label="类型">
                <select id={fieldId(P, "kind")} value={header.kind} onChange={(e) => setField("kind", e.target.value)} className={input}>
                  <option value="project">项目支出绩效目标表</option>
                  <option value="department">部门整体绩效目标表</option>
                </select>
              </HeaderField>
              <HeaderField id={fieldId(P, "year")} label="年度" error={errorOf(fieldId(P, "year"))}>
                <input name="year" inputMode="numeric" value={header.year} onChange={(e) => setField("year", e.target.value)} className={input} {...describedBy(fieldId(P, "year"), errorOf(fieldId(P, "year")))} />
              </HeaderField>
              {choices.departments.length > 1 ? (
                <HeaderField id={fieldId(P, "department")} label="部门" error={errorOf(fieldId(P, "department"))}>
                  <select id={fieldId(P, "department")} name="department" value={header.department} onChange={(e) => setField("department", e.target.value)} className={input}>
                    {choices.departments.map((d) => (
                      <option key={d.name}>{d.name}</option>
                    ))}
                  </select>
                </HeaderField>
              ) : (
                <input type="hidden" name="department" value={header.department} />
              )}
            </>
          ) : null}
          <HeaderField id={fieldId(P, "unit")} label={department ? "部门名称（预算单位）" : "预算单位"} error={errorOf(fieldId(P, "unit"))} wide>
            {choices.mayAddUnit ? (
              <>
                <input name="unit" list={`${P}-units`} value={header.unit} onChange={(e) => setField("unit", e.target.value)} className={input} {...describedBy(fieldId(P, "unit"), errorOf(fieldId(P, "unit")))} />
                <datalist id={`${P}-units`}>
                  {units.map((u) => (
                    <option key={u} value={u} />
                  ))}
                </datalist>
              </>
            ) : (
              <select name="unit" value={header.unit} onChange={(e) => setField("unit", e.target.value)} className={input} {...describedBy(fieldId(P, "unit"), errorOf(fieldId(P, "unit")))}>
                <option value="">（请选择）</option>
                {units.map((u) => (
                  <option key={u}>{u}</option>
                ))}
              </select>
            )}
          </HeaderField>
          {department ? (
            <input type="hidden" name="name" value={DEPARTMENT_SHEET_NAME} />
          ) : (
            <HeaderField id={fieldId(P, "name")} label="项目名称" error={errorOf(fieldId(P, "name"))} wide>
              <input name="name" value={header.name} onChange={(e) => setField("name", e.target.value)} className={input} {...describedBy(fieldId(P, "name"), errorOf(fieldId(P, "name")))} />
            </HeaderField>
          )}
          <HeaderField id={fieldId(P, "lead")} label={department ? "部门联系人" : "项目负责人"} error={errorOf(fieldId(P, "lead"))}>
            <input id={fieldId(P, "lead")} name="lead" value={header.lead} onChange={(e) => setField("lead", e.target.value)} className={input} />
          </HeaderField>
          {(["fundsTotal", "fundsFiscal", "fundsOther"] as const).map((field) => {
            const label = { fundsTotal: "年度预算总额（万元）", fundsFiscal: "其中：财政拨款（万元）", fundsOther: "其他资金（万元）" }[field];
            const shown = understoodAmount(header[field]);
            const id = fieldId(P, field);
            return (
              <HeaderField key={field} id={id} label={label} error={errorOf(id)} hint={field === "fundsTotal" && header.fundsTotal.trim() === "" ? "留空则为财政拨款 + 其他资金" : shown.text} hintIsError={!shown.ok}>
                <input name={field} inputMode="decimal" value={header[field]} onChange={(e) => setField(field, e.target.value)} className={`${input} text-right tabular-nums`} {...describedBy(id, errorOf(id) ?? (shown.ok ? undefined : shown.text), true)} />
              </HeaderField>
            );
          })}
          <HeaderField
            id={fieldId(P, "budgetExecutionWeight")}
            label="预算执行率分值"
            error={errorOf(fieldId(P, "budgetExecutionWeight"))}
            hint={header.budgetExecutionWeight.trim() === "" ? `留空则为 100 − 指标分值合计${weights.complete ? `（现为 ${new Intl.NumberFormat("zh-CN").format(HUNDRED.minus(weights.total).toNumber())}）` : ""}` : undefined}
          >
            <input name="budgetExecutionWeight" inputMode="decimal" value={header.budgetExecutionWeight} onChange={(e) => setField("budgetExecutionWeight", e.target.value)} className={`${input} text-right tabular-nums`} {...describedBy(fieldId(P, "budgetExecutionWeight"), errorOf(fieldId(P, "budgetExecutionWeight")), true)} />
          </HeaderField>
          <div className="md:col-span-4">
            <HeaderField id={fieldId(P, "goal")} label={department ? "年度绩效目标" : "项目总体目标"} error={errorOf(fieldId(P, "goal"))}>
              <textarea id={fieldId(P, "goal")} name="goal" rows={3} value={header.goal} onChange={(e) => setField("goal", e.target.value)} className={input} />
            </HeaderField>
          </div>
        </div>
      </fieldset>

      <fieldset className="rounded border border-line bg-white p-3">
        <legend className="px-1 font-semibold">绩效指标</legend>
        <p className="mb-2 text-sm text-muted">
          指标值照表填写：定量写“比较符+数值+单位”，如 ＞=9项、＜=5%、=100%；定性直接写文字，如 有效推动。输入时下方显示系统的理解。
        </p>
        <div className="overflow-x-auto">
          <table className="form-table min-w-[1180px]">
            <caption className="sr-only">绩效指标（可编辑）</caption>
            <colgroup>
              <col style={{ width: "3%" }} />
              <col style={{ width: "8%" }} />
              <col style={{ width: "9%" }} />
              <col style={{ width: "17%" }} />
              <col style={{ width: "13%" }} />
              <col style={{ width: "9%" }} />
              <col style={{ width: "9%" }} />
              <col style={{ width: "6%" }} />
              <col style={{ width: "10%" }} />
              <col style={{ width: "9%" }} />
              <col style={{ width: "7%" }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">行</th>
                <th scope="col">一级指标</th>
                <th scope="col">二级指标</th>
                <th scope="col">三级指标</th>
                <th scope="col">指标值</th>
                <th scope="col">指标值设置依据</th>
                <th scope="col">上年完成值</th>
                <th scope="col">分值</th>
                <th scope="col">赋分规则</th>
                <th scope="col">佐证资料</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <RowEditor
                  key={row.key}
                  row={row}
                  index={index}
                  count={rows.length}
                  issues={rowIssues(index)}
                  errorOf={errorOf}
                  onChange={(field, value) => setRowField(row.key, field, value)}
                  onMove={(by) => {
                    setRows((rs) => moveRow(rs, index, by));
                    focusLater(`${P}-${row.key}-${by < 0 ? "up" : "down"}`);
                  }}
                  onDuplicate={() => {
                    const next = duplicateRow(rows, index);
                    setRows(next);
                    focusLater(fieldId(P, "name", next[index + 1]!.key));
                  }}
                  onDelete={() => {
                    const next = removeRow(rows, index);
                    setRows(next);
                    const neighbour = next[Math.min(index, next.length - 1)];
                    focusLater(neighbour ? fieldId(P, "name", neighbour.key) : `${P}-add-row`);
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
        <datalist id={`${P}-level1`}>
          {LEVEL1_CHOICES.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <datalist id={`${P}-basis`}>
          {BASIS_CHOICES.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <datalist id={`${P}-evidence`}>
          {EVIDENCE_CHOICES.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <button
          type="button"
          id={`${P}-add-row`}
          disabled={!hydrated}
          onClick={() => {
            const row = blankRow(rows[rows.length - 1]);
            setRows((rs) => [...rs, row]);
            focusLater(fieldId(P, "name", row.key));
          }}
          className="mt-2 rounded border border-line px-3 py-1 hover:border-brand disabled:opacity-60"
        >
          添加指标
        </button>
      </fieldset>

      <LintPanel issues={issues} sheet={lintInput} targetOf={targetOfIssue} />

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || !hydrated} className="rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? "正在保存…" : mode === "create" ? "创建草稿" : "保存草稿"}
        </button>
        <Link href={props.cancelHref} className="text-brand hover:underline">
          {mode === "create" ? "取消" : "返回绩效目标表"}
        </Link>
        {result ? (
          result.ok ? (
            <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-1 text-green-800">
              {result.message}
            </p>
          ) : (
            <Refusal boxed error={result.error} problems={serverErrors.general} />
          )
        ) : null}
      </div>
    </form>
  );
}

/** aria attributes of an input with its message. */
function HeaderField({ id, label, error, hint, hintIsError, wide, children }: { id: string; label: string; error?: string; hint?: string; hintIsError?: boolean; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={`space-y-1 ${wide ? "md:col-span-2" : ""}`}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className={`text-xs ${hintIsError ? "text-red-700" : "text-muted"}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface RowEditorProps {
  row: EditorRow;
  index: number;
  count: number;
  issues: LintIssue[];
  errorOf: (id: string) => string | undefined;
  onChange: (field: RowField, value: string) => void;
  onMove: (by: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function RowEditor({ row, index, count, issues, errorOf, onChange, onMove, onDuplicate, onDelete }: RowEditorProps) {
  const n = index + 1;
  const name = (field: RowField | "id") => `indicators.${index}.${field}`;
  const id = (field: string) => fieldId(P, field, row.key);
  const target = understoodTarget(row.targetRaw);
  const hasError = (field: string) => issues.some((i) => i.level === "error" && i.field === field);
  const cell = (field: RowField, label: string, extra: { list?: string; numeric?: boolean } = {}) => {
    const error = errorOf(id(field));
    return (
      <>
        <label htmlFor={id(field)} className="sr-only">
          第{n}行 {label}
        </label>
        <input
          id={id(field)}
          name={name(field)}
          list={extra.list}
          inputMode={extra.numeric ? "decimal" : undefined}
          value={row[field]}
          onChange={(e) => onChange(field, e.target.value)}
          className={`${cellInput} ${extra.numeric ? "text-right tabular-nums" : ""}`}
          aria-invalid={error || hasError(field) ? true : undefined}
          aria-describedby={error ? `${id(field)}-error` : undefined}
        />
        {error ? (
          <p id={`${id(field)}-error`} className="text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </>
    );
  };
  const level2List = `${P}-${row.key}-level2-list`;
  const targetError = errorOf(id("targetRaw"));
  return (
    <tr>
      <td className="num text-muted">
        {n}
        {row.id !== null ? <input type="hidden" name={name("id")} value={row.id} /> : null}
      </td>
      <td>{cell("level1", "一级指标", { list: `${P}-level1` })}</td>
      <td>
        {cell("level2", "二级指标", { list: level2List })}
        <datalist id={level2List}>
          {level2Choices(row.level1).map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      </td>
      <td>{cell("name", "三级指标")}</td>
      <td>
        <label htmlFor={id("targetRaw")} className="sr-only">
          第{n}行 指标值
        </label>
        <input
          id={id("targetRaw")}
          name={name("targetRaw")}
          value={row.targetRaw}
          onChange={(e) => onChange("targetRaw", e.target.value)}
          className={cellInput}
          aria-invalid={targetError || !target.ok ? true : undefined}
          aria-describedby={`${id("targetRaw")}-understood${targetError ? ` ${id("targetRaw")}-error` : ""}`}
        />
        <p id={`${id("targetRaw")}-understood`} className={`text-xs ${target.ok ? "text-muted" : "text-red-700"}`} aria-live="polite">
          {target.ok ? `解析为：${target.text}` : target.text}
        </p>
        {targetError && targetError !== target.text ? (
          <p id={`${id("targetRaw")}-error`} className="text-xs text-red-700">
            {targetError}
          </p>
        ) : null}
      </td>
      <td>{cell("basis", "指标值设置依据", { list: `${P}-basis` })}</td>
      <td>{cell("lastYear", "上年完成值")}</td>
      <td>{cell("weight", "指标分值权重", { numeric: true })}</td>
      <td>
        <label htmlFor={id("rule")} className="sr-only">
          第{n}行 赋分规则
        </label>
        <select id={id("rule")} name={name("rule")} value={row.rule} onChange={(e) => onChange("rule", e.target.value)} className={cellInput} aria-invalid={errorOf(id("rule")) || hasError("rule") ? true : undefined}>
          <option value="">（不填）</option>
          {SCORING_RULES.map((r) => (
            <option key={r}>{r}</option>
          ))}
          {row.rule && !(SCORING_RULES as readonly string[]).includes(row.rule) ? <option value={row.rule}>{row.rule}</option> : null}
        </select>
      </td>
      <td>{cell("evidence", "佐证资料", { list: `${P}-evidence` })}</td>
      <td>
        <div className="flex flex-wrap gap-1 text-xs">
          <RowButton id={`${P}-${row.key}-up`} label={`上移第${n}行`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </RowButton>
          <RowButton id={`${P}-${row.key}-down`} label={`下移第${n}行`} disabled={index === count - 1} onClick={() => onMove(1)}>
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

function RowButton({ id, label, disabled, onClick, children }: { id?: string; label: string; disabled?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button id={id} type="button" aria-label={label} title={label} disabled={disabled} onClick={onClick} className="rounded border border-line px-1.5 py-0.5 hover:border-brand disabled:opacity-40">
      {children}
    </button>
  );
}
