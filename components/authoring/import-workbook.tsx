"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput, controlClass } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action, ActionResult } from "@/lib/action-result";
import type { ImportPreview } from "@/lib/authoring/preview-workbook-import";
import { ImportPreviewView } from "./import-preview";

export interface PreviewData {
  token: string | null;
  fileName: string;
  preview: ImportPreview;
}
export interface CommitData {
  year: number;
  imported: { id: number; name: string; action: "created" | "replaced" }[];
}

export interface ImportActions {
  /** The workbook travels as FormData (`file`, `year`, `department`, `replace`). */
  preview: (form: FormData) => Promise<ActionResult<PreviewData>>;
  commit: Action<CommitData>;
  discard: Action;
}

type Stage = { stage: "upload" } | { stage: "preview"; data: PreviewData } | { stage: "done"; message: string; data: CommitData };

/** Upload → preview (every sheet and row, lint, cell-named problems) → 确认导入 / 取消, on the forms kit. */
export function ImportWorkbook({ departments, actions }: { departments: string[]; actions: ImportActions }) {
  const form = useActionForm({ initial: { year: "", department: departments[0] ?? "", replace: "false" } });
  const [view, setView] = useState<Stage>({ stage: "upload" });
  const fileRef = useRef<HTMLInputElement>(null);

  const upload = async () => {
    const body = new FormData();
    const file = fileRef.current?.files?.[0];
    if (file) body.set("file", file);
    for (const name of ["year", "department", "replace"]) body.set(name, form.value(name));
    const result = await form.run("preview", () => actions.preview(body), { base: () => form.values });
    if (result?.ok) {
      // The preview says itself whether the workbook may be imported.
      form.dismiss();
      setView({ stage: "preview", data: result.data });
    }
  };
  const commit = async (data: PreviewData) => {
    const result = await form.run("commit", () => actions.commit({ token: data.token ?? "" }), { base: () => form.values });
    if (result?.ok) setView({ stage: "done", message: result.message, data: result.data });
  };
  const cancel = async (data: PreviewData) => {
    if (data.token) await form.run("discard", () => actions.discard({ token: data.token }), { base: () => form.values });
    else form.dismiss();
    setView({ stage: "upload" });
  };

  if (view.stage === "done") {
    return (
      <section aria-labelledby="import-done" className="space-y-2 rounded border border-green-300 bg-green-50 p-3">
        <h2 id="import-done" role="status" className="font-semibold text-green-900">
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
          <button
            type="button"
            onClick={() => {
              form.dismiss();
              setView({ stage: "upload" });
            }}
            className="text-brand hover:underline"
          >
            继续导入
          </button>
        </div>
      </section>
    );
  }

  if (view.stage === "preview") {
    const { token } = view.data;
    return (
      <ImportPreviewView data={view.data} feedback={<FormFeedback form={form} />}>
        <Button disabled={form.busy || !token} pending={form.pending === "commit"} pendingText="正在导入…" onClick={() => void commit(view.data)}>
          确认导入
        </Button>
        <Button tone="plain" disabled={form.busy} onClick={() => void cancel(view.data)}>
          {token ? "取消" : "重新上传"}
        </Button>
      </ImportPreviewView>
    );
  }

  return (
    <form
      noValidate
      aria-label="上传工作簿"
      className="space-y-3 rounded border border-line bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <Field id={form.fieldId("file")} label="Excel 工作簿（.xlsx）" error={form.error("file")} className="space-y-1 md:col-span-2">
          {(aria) => (
            <input
              {...aria}
              ref={fileRef}
              type="file"
              disabled={form.busy}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={controlClass(form.error("file"))}
            />
          )}
        </Field>
        <TextInput label="年度" inputMode="numeric" hint="留空则按表头“（2026年）”中的年度" {...form.bind("year")} />
        {departments.length > 0 ? (
          <Select label="部门" options={departments.map((d) => ({ value: d, label: d }))} {...form.bind("department")} />
        ) : (
          <TextInput label="部门" {...form.bind("department")} />
        )}
      </div>
      <label className="flex min-h-10 items-center gap-2">
        <input
          type="checkbox"
          checked={form.value("replace") === "true"}
          disabled={form.busy}
          onChange={(e) => form.set("replace", e.target.checked ? "true" : "false")}
        />
        覆盖同名绩效目标表（已开始填报的不能覆盖）
      </label>
      <FormFeedback form={form} />
      <Button type="submit" disabled={form.busy} pending={form.pending === "preview"} pendingText="正在读取…">
        上传并预览
      </Button>
      <FormDialog form={form} />
    </form>
  );
}
