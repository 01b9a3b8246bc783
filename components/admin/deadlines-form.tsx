"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import { type DeadlineView, defaultReportDue, defaultYearEndDue, dueText, type YearDeadlines } from "@/lib/deadlines/rules";

export type DeadlinesOfYear = YearDeadlines & { read: string };

/** 填报期限 of 系统管理 › 年度: pick a year, then its form (a new year starts a fresh form). */
export function DeadlinesForm({ action, years }: { action: Action<{ read: string }>; years: DeadlinesOfYear[] }) {
  const [year, setYear] = useState(String(years[0]?.year ?? ""));
  const current = years.find((y) => String(y.year) === year) ?? years[0];
  if (!current) return null;
  return (
    <div className="space-y-3">
      <Select
        id="deadline-year"
        label="年度"
        className="w-full max-w-60 space-y-1"
        options={years.map((y) => ({ value: String(y.year), label: `${y.year}年` }))}
        value={year}
        onChange={setYear}
      />
      <YearDeadlinesForm key={current.year} action={action} deadlines={current} />
    </div>
  );
}

const entryValues = (path: string, v: DeadlineView) => ({ [`${path}.due`]: v.isDefault ? "" : v.due, [`${path}.note`]: v.note });

interface Line {
  path: string;
  label: string;
  fallback: string;
  view: DeadlineView;
}

/**
 * One year's deadlines: each month's report and the year-end 自评 and 年终评价. A blank day is the default (shown as
 * the placeholder); the server checks every day and says at the field what is wrong. A deadline includes the whole day
 * (through 23:59 Beijing time).
 */
function YearDeadlinesForm({ action, deadlines }: { action: Action<{ read: string }>; deadlines: DeadlinesOfYear }) {
  const { year } = deadlines;
  const lines: Line[] = [
    ...deadlines.months.map((m, i) => ({ path: `months.${i}`, label: `${m.month}月`, fallback: defaultReportDue(year, m.month), view: m as DeadlineView })),
    { path: "selfEvaluation", label: "年终自评", fallback: defaultYearEndDue(year, "SELF_EVALUATION"), view: deadlines.selfEvaluation },
    { path: "evaluation", label: "年终评价", fallback: defaultYearEndDue(year, "EVALUATION"), view: deadlines.evaluation },
  ];
  const form = useActionForm({ initial: Object.assign({}, ...lines.map((l) => entryValues(l.path, l.view))) });
  const [read, setRead] = useState(deadlines.read);
  useEffect(() => setRead(deadlines.read), [deadlines.read]);
  const entry = (path: string) => ({ due: form.value(`${path}.due`), note: form.value(`${path}.note`) });
  return (
    <form
      noValidate
      aria-label={`${year}年填报期限`}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void form.run(
          "save",
          async () => {
            const result = await action({
              year,
              months: deadlines.months.map((_, i) => entry(`months.${i}`)),
              selfEvaluation: entry("selfEvaluation"),
              evaluation: entry("evaluation"),
              read,
            });
            if (result.ok) setRead(result.data.read);
            return result;
          },
          { base: () => form.values },
        );
      }}
    >
      <table className="form-table card-table">
        <caption className="sr-only">{year}年填报期限</caption>
        <colgroup>
          <col style={{ width: "16%" }} />
          <col style={{ width: "26%" }} />
          <col />
          <col style={{ width: "18%" }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">事项</th>
            <th scope="col">截止日</th>
            <th scope="col">说明</th>
            <th scope="col">现行期限</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.path}>
              <th scope="row" className="text-left font-medium">
                {l.label}
              </th>
              <td data-label="截止日">
                <TextInput
                  label={`${year}年${l.label}截止日`}
                  hideLabel
                  inputMode="numeric"
                  placeholder={`默认 ${l.fallback}`}
                  {...form.bind(`${l.path}.due`)}
                />
              </td>
              <td data-label="说明">
                <TextInput label={`${year}年${l.label}说明`} hideLabel placeholder="如：国庆假期顺延" {...form.bind(`${l.path}.note`)} />
              </td>
              <td data-label="现行期限" className="whitespace-nowrap">
                {dueText(l.view.due)}
                <span className="ml-1 text-xs text-muted">{l.view.isDefault ? "默认" : "已调整"}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
          保存期限
        </Button>
        <FormFeedback form={form} compact />
      </div>
      <FormDialog form={form} />
    </form>
  );
}
