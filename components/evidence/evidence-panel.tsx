"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useId, useRef, useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatTimestamp } from "@/lib/beijing-time";
import type { EvidenceFileView } from "@/lib/evidence/evidence-view";
import { EVIDENCE_ACCEPT, formatFileSize, MAX_EVIDENCE_LABEL, precheckEvidence } from "@/lib/evidence/limits";

export interface EvidencePanelProps {
  sheetId: number;
  /** 1–12: the month the files back. */
  month: number;
  /** The indicator the files back; omitted or null for the month's report as a whole. */
  indicatorId?: number | null;
  /** The files to show (from listEvidence, already filtered to this month / indicator). */
  files: EvidenceFileView[];
  /** Upload and delete controls (the progress view's edit permission); the server decides again on every request. */
  canEdit: boolean;
  /** Accessible name of the panel when a page shows several, e.g. `佐证资料：科技项目数量`. */
  label?: string;
}

const API = "/api/v1/evidence";

/**
 * 佐证资料 of one month (or one indicator of it): the files with download links, and — while the month
 * is editable — an upload control and delete buttons. Talks to the evidence API, then refreshes the
 * page so the server re-renders the list.
 */
export function EvidencePanel({ sheetId, month, indicatorId = null, files, canEdit, label = "佐证资料" }: EvidencePanelProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"upload" | number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const disabled = !hydrated || busy !== null || refreshing;

  async function onChoose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.currentTarget.files ?? []);
    if (chosen.length === 0) return;
    setBusy("upload");
    setError(null);
    setConfirming(null);
    const problems: string[] = [];
    let stored = false;
    for (const file of chosen) {
      const refused = precheckEvidence(file.name, file.size);
      if (refused) {
        problems.push(refused);
        continue;
      }
      const body = new FormData();
      body.append("sheetId", String(sheetId));
      body.append("month", String(month));
      if (indicatorId !== null) body.append("indicatorId", String(indicatorId));
      body.append("file", file); // last: the server reads the other fields first
      const problem = await send(fetch(API, { method: "POST", body }), `文件「${file.name}」上传失败`);
      if (!problem) stored = true;
      else problems.push(chosen.length > 1 && !problem.startsWith("文件「") ? `文件「${file.name}」：${problem}` : problem);
    }
    if (inputRef.current) inputRef.current.value = "";
    setBusy(null);
    setError(problems.length > 0 ? problems.join("\n") : null);
    if (stored) startRefresh(() => router.refresh());
  }

  async function onDelete(file: EvidenceFileView) {
    setBusy(file.id);
    setError(null);
    const problem = await send(fetch(`${API}/${file.id}`, { method: "DELETE" }), `「${file.originalName}」删除失败`);
    setBusy(null);
    setConfirming(null);
    if (problem) setError(problem);
    else startRefresh(() => router.refresh());
  }

  return (
    <section aria-label={label} aria-busy={busy !== null || refreshing} className="space-y-2">
      {files.length === 0 ? (
        <p className="text-muted">暂无佐证资料</p>
      ) : (
        <table className="form-table">
          <thead>
            <tr>
              <th scope="col">文件名</th>
              <th scope="col">大小</th>
              <th scope="col">上传人</th>
              <th scope="col">上传时间</th>
              {canEdit ? (
                <th scope="col" className="no-print">
                  操作
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.id}>
                <td className="break-all">
                  <a href={`${API}/${file.id}`} download={file.originalName} className="text-brand hover:underline">
                    {file.originalName}
                  </a>
                </td>
                <td className="num">{formatFileSize(file.sizeBytes)}</td>
                <td className="whitespace-nowrap">{file.uploadedBy?.displayName ?? "—"}</td>
                <td className="num">{formatTimestamp(new Date(file.createdAt))}</td>
                {canEdit ? (
                  <td className="no-print whitespace-nowrap">
                    {confirming === file.id ? (
                      <span className="flex gap-2">
                        <button
                          type="button"
                          disabled={disabled}
                          onClick={() => onDelete(file)}
                          aria-label={`确认删除「${file.originalName}」`}
                          className="min-h-[40px] rounded bg-red-700 px-2 py-0.5 md:min-h-0 text-white hover:bg-red-800 disabled:opacity-60"
                        >
                          {busy === file.id ? "正在删除…" : "确认删除"}
                        </button>
                        <button
                          type="button"
                          disabled={disabled}
                          onClick={() => setConfirming(null)}
                          className="min-h-[40px] rounded border border-line bg-white px-2 py-0.5 hover:border-brand md:min-h-0 disabled:opacity-60"
                        >
                          取消
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        disabled={disabled}
                        onClick={() => setConfirming(file.id)}
                        aria-label={`删除「${file.originalName}」`}
                        className="min-h-[40px] rounded border border-line bg-white px-2 py-0.5 text-red-700 md:min-h-0 hover:border-red-700 disabled:opacity-60"
                      >
                        删除
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canEdit ? (
        <div className="no-print flex flex-wrap items-start gap-x-3 gap-y-1">
          <label htmlFor={inputId} className="font-medium">
            上传佐证资料
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            multiple
            accept={EVIDENCE_ACCEPT}
            disabled={disabled}
            onChange={onChoose}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="max-w-full text-sm file:mr-2 file:rounded file:border file:border-line file:bg-white file:px-2 file:py-0.5 hover:file:border-brand"
          />
          <span className="text-sm text-muted">
            {busy === "upload" ? "正在上传…" : refreshing ? "正在刷新…" : `PDF、图片、Office 文档或 zip，单个不超过 ${MAX_EVIDENCE_LABEL}`}
          </span>
          {error ? (
            <p id={errorId} role="alert" className="basis-full whitespace-pre-line rounded border border-red-300 bg-red-50 px-3 py-1.5 text-red-800">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Sends a request; null when it succeeded, else the message to show. */
async function send(request: Promise<Response>, failed: string): Promise<string | null> {
  let response: Response;
  try {
    response = await request;
  } catch {
    return `${failed}：无法连接服务器，请稍后重试`;
  }
  if (response.ok) return null;
  if (response.status === 401) return "登录已过期，请重新登录后再试";
  const body: unknown = await response.json().catch(() => null);
  const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : null;
  return message ?? `${failed}（HTTP ${response.status}）`;
}
