"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./form-dialog";
import type { ActionForm } from "./use-action-form";

/**
 * The outcome of the form's last action: the success line (with warnings), or the refusal — its sentence
 * and an error summary whose items link to their fields. `extra` goes inside (e.g. 载入最新数据).
 */
export function FormFeedback({ form, extra, compact = false }: { form: ActionForm; extra?: ReactNode; compact?: boolean }) {
  const outcome = form.state.outcome;
  if (!outcome) return null;
  if (outcome.kind === "success") {
    return (
      <div role="status" className={`rounded border border-green-300 bg-green-50 text-green-900 ${compact ? "px-2 py-1" : "px-3 py-2"}`}>
        <p className="font-medium">{outcome.text}</p>
        {outcome.warnings.length > 0 ? (
          <div className="mt-1 text-amber-900">
            <p>提醒（草稿可保存，提交前需补充）：</p>
            <ul className="list-disc pl-5">
              {outcome.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {extra}
      </div>
    );
  }
  return (
    <div role="alert" className={`rounded border border-red-300 bg-red-50 text-red-900 ${compact ? "px-2 py-1" : "px-3 py-2"}`}>
      <p className="font-medium">{outcome.text}</p>
      <ErrorSummary form={form} />
      {extra}
    </div>
  );
}

/**
 * Every problem of the refusal still open, each linking to its field when it has one on the page (one that
 * only repeats the refusal's sentence is not listed again).
 */
export function ErrorSummary({ form }: { form: ActionForm }) {
  const outcome = form.state.outcome;
  const problems = form.state.problems.filter((p) => p.message !== outcome?.text);
  if (problems.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-sm">
      {problems.map((p, i) => (
        <li key={i}>
          {p.path ? (
            <a
              href={`#${form.fieldId(p.path)}`}
              onClick={(e) => {
                const field = document.getElementById(form.fieldId(p.path));
                if (!field) return;
                e.preventDefault();
                field.focus();
              }}
              className="underline"
            >
              {p.message}
            </a>
          ) : (
            p.message
          )}
        </li>
      ))}
    </ul>
  );
}

/** Unsent input kept in this browser from an earlier visit: 恢复 puts it back, 丢弃 forgets it. */
export function DraftOffer({ form }: { form: ActionForm }) {
  const offer = form.state.offer;
  if (!offer) return null;
  const count = Object.keys(offer).length;
  return (
    <div
      role="status"
      aria-label="未保存的草稿"
      className="flex flex-wrap items-center gap-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950"
    >
      <p className="flex-1">本浏览器保存着此页 {count} 项尚未保存的填写（上次离开、保存失败或登录过期时留下）。恢复后请核对并保存。</p>
      <Button tone="primary" onClick={form.restore}>
        恢复
      </Button>
      <Button tone="plain" onClick={form.discard}>
        丢弃
      </Button>
    </div>
  );
}

/** The form's question dialog (leave guard, confirmations): render once per form. */
export function FormDialog({ form }: { form: ActionForm }) {
  return <ConfirmDialog ask={form.asking} />;
}
