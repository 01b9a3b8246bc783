"use client";

import type { LintIssue } from "@/lib/lint";
import { type LintLevel, lintLocation, type LintSheet } from "@/lib/lint";

/** Where to send the keyboard for a finding: the field's input id, if the editor has one. */
export type FindingTarget = (issue: LintIssue) => string | null;

/** 检查结果: the lint of the sheet being edited, live; each finding can take the focus to its field. */
export function LintPanel({ issues, sheet, targetOf }: { issues: LintIssue[]; sheet: LintSheet; targetOf: FindingTarget }) {
  const errors = issues.filter((i) => i.level === "error").length;
  const warnings = issues.filter((i) => i.level === "warning").length;
  const notes = issues.length - errors - warnings;
  return (
    <section aria-labelledby="lint-title" className="rounded border border-line bg-white p-3">
      <h2 id="lint-title" className="font-semibold">
        检查结果
      </h2>
      <p className="mt-1 text-sm text-muted" aria-live="polite">
        {issues.length === 0
          ? "未发现问题。"
          : `${errors} 个错误（须改正后才能提交或发布），${warnings} 个提醒（请确认）${notes > 0 ? `，${notes} 个说明` : ""}。`}
      </p>
      {issues.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {issues.map((issue, i) => {
            const target = targetOf(issue);
            const where = lintLocation(issue, sheet);
            return (
              <li key={i} className="flex items-start gap-2">
                <LevelTag level={issue.level} />
                <span className="flex-1">
                  {where ? <span className="font-medium">{where}：</span> : null}
                  {issue.message}
                </span>
                {target ? (
                  <button type="button" className="shrink-0 text-brand hover:underline" onClick={() => document.getElementById(target)?.focus()}>
                    定位<span className="sr-only">到{where || "该项"}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** Findings already placed (the sheet page, the import preview): each with its level and location, or a line saying there are none. */
export function FindingList({ findings, label }: { findings: { level: LintLevel; location: string; message: string }[]; label: string }) {
  if (findings.length === 0) return <p className="text-sm text-green-800">检查未发现问题。</p>;
  return (
    <ul aria-label={label} className="space-y-1 text-sm">
      {findings.map((f, i) => (
        <li key={i} className="flex items-start gap-2">
          <LevelTag level={f.level} />
          <span>
            {f.location ? <span className="font-medium">{f.location}：</span> : null}
            {f.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

const LEVEL_TAGS: Record<LintLevel, { text: string; className: string }> = {
  error: { text: "错误", className: "bg-red-100 text-red-800" },
  warning: { text: "提醒", className: "bg-amber-100 text-amber-900" },
  note: { text: "说明", className: "bg-slate-100 text-slate-700" },
};

export function LevelTag({ level }: { level: LintLevel }) {
  const tag = LEVEL_TAGS[level];
  return <span className={`shrink-0 rounded px-1.5 text-xs leading-5 ${tag.className}`}>{tag.text}</span>;
}
