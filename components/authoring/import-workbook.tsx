"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import type { ImportPreview, ImportPreviewSheet } from "@/lib/authoring/preview-workbook-import";
import { formatAmount } from "@/components/ui/format";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { AuthoringResult } from "./action-state";
import { FindingList } from "./lint-panel";

interface PreviewData {
  token: string | null;
  fileName: string;
  preview: ImportPreview;
}
interface CommitData {
  year: number;
  imported: { id: number; name: string; action: "created" | "replaced" }[];
}

export interface ImportActions {
  preview: (form: FormData) => Promise<AuthoringResult<PreviewData>>;
  commit: (form: FormData) => Promise<AuthoringResult<CommitData>>;
  discard: (form: FormData) => Promise<AuthoringResult<never>>;
}

type View =
  | { stage: "upload"; refused?: { error: string; problems: { path: string; message: string }[] }; note?: string }
  | { stage: "preview"; data: PreviewData; refused?: { error: string; problems: { path: string; message: string }[] } }
  | { stage: "done"; message: string; data: CommitData };

const input = "w-full rounded border border-line bg-white px-2 py-1 focus:border-brand aria-[invalid=true]:border-red-600";

/** Upload → preview (every sheet and row, lint, cell-named problems) → 确认导入 / 取消. */
export function ImportWorkbook({ departments, actions }: { departments: string[]; actions: ImportActions }) {
  const hydrated = useHydrated();
  const id = useId();
  const [view, setView] = useState<View>({ stage: "upload" });
  const [year, setYear] = useState("");
  const [department, setDepartment] = useState(departments[0] ?? "");
  const [replace, setReplace] = useState(false);
  const [pending, startTransition] = useTransition();

  const upload = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const answer = await actions.preview(form);
      setView(answer.ok && answer.data ? { stage: "preview", data: answer.data } : { stage: "upload", refused: answer.ok ? undefined : answer });
    });
  };
  const commit = (data: PreviewData) =>
    startTransition(async () => {
      const form = new FormData();
      form.set("token", data.token ?? "");
      const answer = await actions.commit(form);
      setView(answer.ok && answer.data ? { stage: "done", message: answer.message, data: answer.data } : { stage: "preview", data, refused: answer.ok ? undefined : answer });
    });
  const cancel = (data: PreviewData) =>
    startTransition(async () => {
      const form = new FormData();
      form.set("token", data.token ?? "");
      const answer = await actions.discard(form);
      setView({ stage: "upload", note: answer.ok ? answer.message : undefined });
    });

  if (view.stage === "done") {
    return (
      <section aria-labelledby={`${id}-done`} className="space-y-2 rounded border border-green-300 bg-green-50 p-3">
        <h2 id={`${id}-done`} role="status" className="font-semibold text-green-900">
          {view.message}
        </h2>
        <ul className="list-disc pl-5">
          {view.data.imported.map((s) => (
            <li key={s.id}>
              <Link href={`/sheets/${s.id}`} className="text-brand hover:underline">
                {s.name}
              </Link>
              {s.action === "replaced" ? "（已覆盖）" : "（新建）"}
            </li>
          ))}
        </ul>
        <div className="flex gap-3">
          <Link href={`/sheets?year=${view.data.year}`} className="text-brand hover:underline">
            查看{view.data.year}年度绩效目标表
          </Link>
          <button type="button" onClick={() => setView({ stage: "upload" })} className="text-brand hover:underline">
            继续导入
          </button>
        </div>
      </section>
    );
  }

  if (view.stage === "preview") {
    const { preview, token, fileName } = view.data;
    return (
      <div className="space-y-3">
        <section aria-labelledby={`${id}-summary`} className="rounded border border-line bg-white p-3">
          <h2 id={`${id}-summary`} className="font-semibold">
            导入预览
          </h2>
          <p className="mt-1">
            {fileName} · {preview.year}年 · {preview.department} · {preview.sheets.length} 张绩效目标表 · {preview.errorCount} 个错误 · {preview.warningCount} 个提醒
            {preview.replace ? " · 覆盖同名绩效目标表" : ""}
          </p>
          {preview.problems.length > 0 ? (
            <div role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-900">
              <p className="font-medium">工作簿中有以下问题（按工作表和单元格）：</p>
              <ul className="list-disc pl-5 text-sm">
                {preview.problems.map((p, i) => (
                  <li key={i}>{p.path ? `${p.path}：${p.message}` : p.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.blockers.length > 0 ? (
            <ul role={preview.problems.length > 0 ? undefined : "alert"} className="mt-2 list-disc pl-5 text-red-800">
              {preview.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          ) : null}
          {view.refused ? <Refusal refused={view.refused} /> : null}
          <div className="mt-3 flex gap-3">
            <button
              type="button"
              disabled={!hydrated || pending || !token}
              onClick={() => commit(view.data)}
              className="rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60"
            >
              {pending ? "正在处理…" : "确认导入"}
            </button>
            <button type="button" disabled={!hydrated || pending} onClick={() => (token ? cancel(view.data) : setView({ stage: "upload" }))} className="rounded border border-line bg-white px-4 py-1.5 hover:border-brand disabled:opacity-60">
              {token ? "取消" : "重新上传"}
            </button>
          </div>
        </section>
        {preview.sheets.map((sheet, i) => (
          <SheetPreview key={i} sheet={sheet} index={i} />
        ))}
      </div>
    );
  }

  const fileError = view.refused?.problems.find((p) => p.path === "file")?.message;
  const yearError = view.refused?.problems.find((p) => p.path === "year")?.message;
  const departmentError = view.refused?.problems.find((p) => p.path === "department")?.message;
  return (
    <form onSubmit={upload} aria-label="上传工作簿" className="space-y-3 rounded border border-line bg-white p-3" noValidate>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <div className="space-y-1 md:col-span-2">
          <label htmlFor={`${id}-file`} className="block font-medium">
            Excel 工作簿（.xlsx）
          </label>
          <input id={`${id}-file`} name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={input} aria-invalid={fileError ? true : undefined} aria-describedby={fileError ? `${id}-file-error` : undefined} />
          {fileError ? (
            <p id={`${id}-file-error`} className="text-sm text-red-700">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-year`} className="block font-medium">
            年度
          </label>
          <input id={`${id}-year`} name="year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} className={input} aria-describedby={`${id}-year-hint`} aria-invalid={yearError ? true : undefined} />
          <p id={`${id}-year-hint`} className="text-xs text-muted">
            留空则按表头“（2026年）”中的年度
          </p>
          {yearError ? <p className="text-sm text-red-700">{yearError}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-department`} className="block font-medium">
            部门
          </label>
          {departments.length > 0 ? (
            <select id={`${id}-department`} name="department" value={department} onChange={(e) => setDepartment(e.target.value)} className={input}>
              {departments.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          ) : (
            <input id={`${id}-department`} name="department" value={department} onChange={(e) => setDepartment(e.target.value)} className={input} aria-invalid={departmentError ? true : undefined} />
          )}
          {departmentError ? <p className="text-sm text-red-700">{departmentError}</p> : null}
        </div>
      </div>
      <div className="flex items-center gap-2">
        <input id={`${id}-replace`} name="replace" type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
        <label htmlFor={`${id}-replace`}>覆盖同名绩效目标表（已开始填报的不能覆盖）</label>
      </div>
      {view.refused && !fileError && !yearError && !departmentError ? <Refusal refused={view.refused} /> : null}
      {view.note ? (
        <p role="status" className="text-green-800">
          {view.note}
        </p>
      ) : null}
      <button type="submit" disabled={!hydrated || pending} className="rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? "正在读取…" : "上传并预览"}
      </button>
    </form>
  );
}

function Refusal({ refused }: { refused: { error: string; problems: { path: string; message: string }[] } }) {
  return (
    <div role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-900">
      <p>{refused.error}</p>
      {refused.problems.length > 0 ? (
        <ul className="list-disc pl-5 text-sm">
          {refused.problems.map((p, i) => (
            <li key={i}>{p.path ? `${p.path}：${p.message}` : p.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SheetPreview({ sheet, index }: { sheet: ImportPreviewSheet; index: number }) {
  const headingId = `import-sheet-${index}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded border border-line bg-white p-3">
      <h3 id={headingId} className="font-semibold">
        第{index + 1}张：{sheet.name}
        <span className="ml-2 font-normal text-muted">
          {sheet.kind === "department" ? "部门整体绩效目标表" : "项目支出绩效目标表"} · {sheet.unit}
          {sheet.exists ? " · 已有同名表" : " · 新建"}
        </span>
      </h3>
      <p className="text-sm">
        {sheet.kind === "department" ? "部门联系人" : "项目负责人"}：{sheet.lead || "—"} · 年度预算总额 {formatAmount(sheet.funds.total)} 万元（财政拨款 {formatAmount(sheet.funds.fiscal)}，其他资金 {formatAmount(sheet.funds.other)}）
      </p>
      <p className="text-sm text-muted">{sheet.goal}</p>
      <FindingList findings={sheet.findings} label={`第${index + 1}张表的检查结果`} />
      <div className="overflow-x-auto">
        <table className="form-table text-sm">
          <caption className="sr-only">{`第${index + 1}张表「${sheet.name}」的指标`}</caption>
          <thead>
            <tr>
              <th scope="col">行</th>
              <th scope="col">一级指标</th>
              <th scope="col">二级指标</th>
              <th scope="col">三级指标</th>
              <th scope="col">指标值</th>
              <th scope="col">解析为</th>
              <th scope="col">指标值设置依据</th>
              <th scope="col">上年完成值</th>
              <th scope="col">分值</th>
              <th scope="col">赋分规则</th>
              <th scope="col">佐证资料</th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((r, i) => (
              <tr key={i} className={sheet.findings.some((f) => f.row === i) ? "bg-amber-50" : undefined}>
                <td className="num">{i + 1}</td>
                <td>{r.level1}</td>
                <td>{r.level2}</td>
                <td>{r.name}</td>
                <td>{r.targetRaw}</td>
                <td>{r.understood}</td>
                <td>{r.basis}</td>
                <td>{r.lastYear}</td>
                <td className="num">{r.weight}</td>
                <td>{r.rule}</td>
                <td>{r.evidence.join("，")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
