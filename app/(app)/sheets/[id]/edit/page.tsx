import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orInterrupt } from "@/app/_lib/interrupts";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { toEditorRows } from "@/components/authoring/editor-model";
import { SheetEditor } from "@/components/authoring/sheet-editor";
import { getDraft } from "@/lib/authoring/get-draft";
import { listAuthoringChoices } from "@/lib/authoring/list-authoring-choices";
import { STATUS_LABEL } from "@/lib/authoring/load-sheet";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { updateSheetAction } from "./actions";

export const metadata: Metadata = { title: "编辑绩效目标表" };

/** 编辑: the draft editor. A published sheet is not edited here (指标调整 on its page). */
export default async function EditSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = sheetIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const actor = await requireActor();
  const prisma = await getPrisma();
  const draft = await orInterrupt(getDraft(prisma, actor, parsed.data.id));
  const back = `/sheets/${draft.id}`;
  if (!draft.editable) {
    return (
      <section className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
        <h1 className="text-lg font-semibold">该绩效目标表当前不能编辑</h1>
        <p className="mt-2 text-muted">
          状态为「{STATUS_LABEL[draft.status]}」。
          {draft.status === "PUBLISHED" ? "已发布的绩效目标表只能通过指标调整修改指标值。" : "已提交审核，审核人退回后才能修改。"}
        </p>
        <Link href={back} className="mt-4 inline-block text-brand hover:underline">
          返回绩效目标表
        </Link>
      </section>
    );
  }
  const choices = await listAuthoringChoices(prisma, actor).catch(() => ({ departments: [], years: [], mayAddUnit: false }));
  const units = choices.departments.find((d) => d.name === draft.department)?.units ?? [draft.unit];
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">
          编辑绩效目标表（{draft.year}年度 · {STATUS_LABEL[draft.status]}）
        </h1>
        <Link href={back} className="text-brand hover:underline">
          ← 返回
        </Link>
      </div>
      <SheetEditor
        mode="edit"
        header={{
          kind: draft.kind,
          year: String(draft.year),
          department: draft.department,
          unit: draft.unit,
          name: draft.name,
          lead: draft.lead,
          fundsTotal: draft.funds.total,
          fundsFiscal: draft.funds.fiscal,
          fundsOther: draft.funds.other,
          budgetExecutionWeight: draft.budgetExecutionWeight,
          goal: draft.goal,
        }}
        rows={toEditorRows(draft.indicators)}
        version={draft.version}
        choices={{
          departments: [{ name: draft.department, units: units.includes(draft.unit) ? units : [draft.unit, ...units] }],
          mayAddUnit: choices.mayAddUnit,
        }}
        action={updateSheetAction.bind(null, draft.id)}
        cancelHref={back}
      />
    </div>
  );
}
