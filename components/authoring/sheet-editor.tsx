"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { FormDialog, FormFeedback } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Action } from "@/lib/action-result";
import { type LintIssue, lintSheet } from "@/lib/lint";
import { EditorHeaderFields } from "./editor-header-fields";
import {
  type EditorHeader,
  type EditorRow,
  editorInput,
  editorProblemPath,
  fromEditorValues,
  rowPath,
  toEditorValues,
  toLintSheet,
  weightTotal,
} from "./editor-model";
import { EditorRows } from "./editor-rows";
import { LintPanel } from "./lint-panel";

export interface EditorChoices {
  departments: { name: string; units: string[] }[];
  mayAddUnit: boolean;
}

type Saved = { version: number; rows: EditorRow[] } | { created: number };

export interface SheetEditorProps {
  mode: "create" | "edit";
  header: EditorHeader;
  rows: EditorRow[];
  version?: number;
  choices: EditorChoices;
  /** Saves the sheet: an edit answers the saved state (rows now have ids), a creation the new sheet's id. */
  action: Action<Saved>;
  cancelHref: string;
}

/**
 * The draft editor: header and indicator rows of a 绩效目标表, with the target parsed as it is typed
 * and the lint of the whole sheet beside it. Rows can be added, duplicated, moved and deleted; the
 * whole sheet is saved at once with the version it was opened at. The forms kit keeps the draft (rows
 * under their keys), the problems by field and the leave guard.
 */
export function SheetEditor(props: SheetEditorProps) {
  const { mode, choices } = props;
  const initial = useMemo(
    () => ({ ...toEditorValues(props.header, props.rows), version: String(props.version ?? "") }),
    [props.header, props.rows, props.version],
  );
  // Rows get fresh keys on every visit, so no browser draft: the leave guard keeps unsaved rows from being lost.
  const form = useActionForm({ initial });
  const router = useRouter();
  const { header, rows } = useMemo(() => fromEditorValues(form.values), [form.values]);
  const lintInput = useMemo(() => toLintSheet(header, rows), [header, rows]);
  const issues = useMemo(() => lintSheet(lintInput), [lintInput]);
  const weights = weightTotal(rows);

  async function save() {
    const sent = rows;
    const version = form.value("version");
    const result = await form.run("save", () => props.action({ ...editorInput(header, sent), ...(version ? { version } : {}) }), {
      problemPath: (path) => editorProblemPath(path, sent),
      // Saved rows come back in the order sent: each keeps its key (and so its focus).
      base: (data) =>
        "created" in data
          ? form.values
          : {
              ...toEditorValues(
                header,
                data.rows.map((r, i) => ({ ...r, key: sent[i]?.key ?? r.key })),
              ),
              version: String(data.version),
            },
    });
    if (result?.ok && "created" in result.data) router.push(`/sheets/${result.data.created}`);
  }

  const targetOfIssue = (issue: LintIssue): string | null => {
    if (issue.row !== undefined) {
      const row = rows[issue.row];
      const field = issue.field && issue.field !== "indicators" ? issue.field : "name";
      return row ? form.fieldId(rowPath(row.key, field as "name")) : null;
    }
    if (issue.field === "weight") return rows[0] ? form.fieldId(rowPath(rows[0].key, "weight")) : null;
    if (issue.field === "indicators") return form.fieldId("add-row");
    const map: Record<string, string> = {
      unit: "unit",
      name: "name",
      goal: "goal",
      "funds.total": "fundsTotal",
      "funds.fiscal": "fundsFiscal",
      "funds.other": "fundsOther",
      budgetExecutionWeight: "budgetExecutionWeight",
    };
    const mapped = issue.field ? map[issue.field] : undefined;
    return mapped ? form.fieldId(mapped) : null;
  };

  return (
    <form
      noValidate
      aria-label={mode === "create" ? "新建绩效目标表" : "编辑绩效目标表"}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <EditorHeaderFields form={form} mode={mode} header={header} choices={choices} weights={weights} />
      <EditorRows form={form} rows={rows} issues={issues} weights={weights} />
      <LintPanel issues={issues} sheet={lintInput} targetOf={targetOfIssue} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.busy} pending={form.pending === "save"} pendingText="正在保存…">
          {mode === "create" ? "创建草稿" : "保存草稿"}
        </Button>
        <Link href={props.cancelHref} className="inline-flex min-h-10 items-center text-brand hover:underline">
          {mode === "create" ? "取消" : "返回绩效目标表"}
        </Link>
      </div>
      <FormFeedback form={form} />
      <FormDialog form={form} />
    </form>
  );
}
