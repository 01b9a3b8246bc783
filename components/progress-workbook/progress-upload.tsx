"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action, ActionResult } from "@/lib/action-result";
import type { UploadOutcome } from "@/lib/progress-workbook/apply-upload";
import { UploadPreview } from "./upload-preview";

export interface PreviewData {
  /** Names the kept upload for 确认写入; null when the preview shows nothing may be written. */
  token: string | null;
  fileName: string;
  preview: UploadOutcome;
}

export interface CommitData {
  writes: number;
  sheets: { name: string; monthLabel: string; href: string; writes: number; warnings: string[] }[];
}

export interface ProgressUploadActions {
  /** The workbook travels as FormData (`file`). */
  preview: (form: FormData) => Promise<ActionResult<PreviewData>>;
  commit: Action<CommitData>;
  discard: Action;
}

type Stage = { stage: "upload" } | { stage: "preview"; data: PreviewData } | { stage: "done"; message: string; data: CommitData };

/** 上传工作簿 → preview (per sheet and row: old → new, lights, problems by cell) → 确认写入 / 取消. */
export function ProgressUpload({ actions }: { actions: ProgressUploadActions }) {
  const form = useActionForm({ initial: {}, guard: false });
  const [view, setView] = useState<Stage>({ stage: "upload" });
  const fileRef = useRef<HTMLInputElement>(null);

  const upload = async () => {
    const body = new FormData();
    const file = fileRef.current?.files?.[0];
    if (file) body.set("file", file);
    const result = await form.run("preview", () => actions.preview(body));
    if (result?.ok) {
      form.dismiss();
      setView({ stage: "preview", data: result.data });
    }
  };
  const commit = async (data: PreviewData) => {
    const result = await form.run("commit", () => actions.commit({ token: data.token ?? "" }));
    if (result?.ok) setView({ stage: "done", message: result.message, data: result.data });
  };
  const restart = async (data: PreviewData) => {
    if (data.token) await form.run("discard", () => actions.discard({ token: data.token }));
    form.dismiss();
    setView({ stage: "upload" });
  };

  if (view.stage === "done") {
    return (
      <section aria-labelledby="upload-done" className="space-y-2 rounded border border-green-300 bg-green-50 p-3">
        <h2 id="upload-done" role="status" className="font-semibold text-green-900">
          {view.message}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {view.data.sheets.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="text-brand hover:underline">
                {s.name} · {s.monthLabel}
              </Link>
              （{s.writes} 条）
              {s.warnings.length > 0 ? (
                <ul className="list-disc pl-5 text-sm text-amber-900">
                  {s.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => {
            form.dismiss();
            setView({ stage: "upload" });
          }}
          className="min-h-10 text-brand hover:underline"
        >
          继续上传
        </button>
      </section>
    );
  }

  if (view.stage === "preview") {
    const { token } = view.data;
    return (
      <UploadPreview data={view.data} feedback={<FormFeedback form={form} />}>
        <Button disabled={form.busy || !token} pending={form.pending === "commit"} pendingText="正在写入…" onClick={() => void commit(view.data)}>
          确认写入
        </Button>
        <Button tone="plain" disabled={form.busy} onClick={() => void restart(view.data)}>
          {token ? "取消" : "重新上传"}
        </Button>
      </UploadPreview>
    );
  }

  return (
    <form
      noValidate
      aria-label="上传进度填报工作簿"
      className="space-y-3 rounded border border-line bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <Field id={form.fieldId("file")} label="填好的进度填报工作簿（.xlsx）" error={form.error("file")} className="space-y-1">
        {(aria) => (
          <input
            {...aria}
            ref={fileRef}
            type="file"
            disabled={form.busy}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={controlClass(form.error("file"), "w-full")}
          />
        )}
      </Field>
      <FormFeedback form={form} />
      <Button type="submit" disabled={form.busy} pending={form.pending === "preview"} pendingText="正在读取…" className="w-full sm:w-auto">
        上传并预览
      </Button>
      <FormDialog form={form} />
    </form>
  );
}
