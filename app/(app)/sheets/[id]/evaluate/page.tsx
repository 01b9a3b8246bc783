import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { orInterrupt } from "@/app/_lib/interrupts";
import { loadSheetNav } from "@/app/_lib/sheet-nav";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { EvaluationForm } from "@/components/evaluation/evaluation-form";
import { ReopenForm } from "@/components/evaluation/reopen-form";
import { SheetNav } from "@/components/sheets/sheet-nav";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { getEvaluation } from "@/lib/evaluation/get-evaluation";
import { KIND_LABEL, SELF_STATE_LABEL, STATE_LABEL } from "@/lib/evaluation/labels";
import { finaliseEvaluationAction, reopenEvaluationAction, saveEvaluationAction, saveSelfEvaluationAction, submitSelfEvaluationAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

/** One authorised read per request, shared by the title and the page. */
const load = cache(async (rawId: string) => {
  const params = sheetIdParams.safeParse({ id: rawId });
  if (!params.success) notFound();
  const actor = await requireActor();
  return orInterrupt(getPrisma().then((prisma) => getEvaluation(prisma, actor, { sheetId: params.data.id })));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load((await params).id);
  return { title: `${view.mode === "self" ? "自评" : "年终评价"} · ${view.sheet.name}` };
}

export default async function EvaluatePage({ params }: Props) {
  const view = await load((await params).id);
  const actor = await requireActor();
  const { sheet, evaluation } = view;
  const stateLabel = view.mode === "self" ? SELF_STATE_LABEL[evaluation.state] : STATE_LABEL[evaluation.state];
  const nav = await loadSheetNav(sheet.id);
  const save = view.mode === "evaluator" ? saveEvaluationAction : view.mode === "self" ? saveSelfEvaluationAction : undefined;

  return (
    <article className="space-y-3">
      <SheetNav
        nav={nav}
        current="evaluate"
        actions={
          <>
            <Link href={`/evaluations?year=${sheet.year}`} className="text-brand hover:underline">
              {view.mode === "evaluator" ? "待评价列表" : "年终评价列表"}
            </Link>
            <a href={`/api/v1/sheets/${sheet.id}/report.xlsx`} className="text-brand hover:underline">
              导出Excel
            </a>
          </>
        }
      />

      <header className="space-y-1">
        <h1 className="text-xl font-semibold">
          {sheet.year}年度年终评价（自评）· {view.mode === "self" ? KIND_LABEL.SELF : "评价人评分"}
        </h1>
        <p className="text-muted">
          {sheet.unit} · <span className="text-ink">{sheet.name}</span> · 项目负责人 {sheet.lead}
        </p>
        <p>
          状态：<span className="font-medium">{stateLabel}</span>
          {evaluation.updatedAt && evaluation.state !== "FINAL" ? <span className="ml-2 text-muted">最近保存 {evaluation.updatedAt}</span> : null}
          {view.mode === "readonly" ? <span className="ml-2 text-muted">（只读：您不是该表的评价人）</span> : null}
        </p>
      </header>

      {!sheet.published ? <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2">该绩效目标表尚未发布，发布后才能进行年终评价。</p> : null}
      {evaluation.state === "FINAL" && view.mode !== "self" ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2">
          已定稿：总分 <strong>{evaluation.total}</strong>，评价等级 <strong>{evaluation.grade}</strong>
          {evaluation.finalisedBy ? `（${evaluation.finalisedBy} 于 ${evaluation.finalisedAt} 定稿）` : ""}。已锁定，如需修改请管理者重新开放。
        </p>
      ) : null}
      {evaluation.state === "FINAL" && evaluation.earlyFinaliseReason ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2">负责人提交自评前定稿，原因：{evaluation.earlyFinaliseReason}</p>
      ) : null}
      {view.mode !== "self" ? (
        <p className="text-sm text-muted">
          负责人自评：{SELF_STATE_LABEL[view.self.state]}
          {view.self.submittedAt ? `（${view.self.submittedAt} 提交）` : view.can.finalise ? "；负责人提交自评前定稿需填写原因" : ""}
        </p>
      ) : null}
      {evaluation.state === "DRAFT" && evaluation.reopenReason ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2">管理者已重新开放评价，原因：{evaluation.reopenReason}</p>
      ) : null}
      {view.mode === "self" && evaluation.state === "FINAL" ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2">
          自评已提交：自评总分 <strong>{evaluation.total}</strong>，评价等级 <strong>{evaluation.grade}</strong>（{evaluation.finalisedAt}{" "}
          提交）。已锁定，如需修改请管理者重新开放。
        </p>
      ) : null}
      {view.mode === "self" && !view.can.write && evaluation.state !== "FINAL" ? (
        <p className="rounded border border-line bg-white px-3 py-2 text-muted">年终评价已定稿，自评已锁定。</p>
      ) : null}
      {view.mode === "self" && view.beside === null ? <p className="text-sm text-muted">评价人的评分在年终评价定稿后显示在此页。</p> : null}

      <EvaluationForm
        view={view}
        draftKey={`${actor.id}:evaluation:${sheet.id}:${view.kind}`}
        save={save}
        finalise={view.mode === "evaluator" ? finaliseEvaluationAction : view.mode === "self" ? submitSelfEvaluationAction : undefined}
      />

      {view.can.reopen ? <ReopenForm sheetId={sheet.id} version={evaluation.version} reopen={reopenEvaluationAction} /> : null}
      {view.can.reopenSelf ? <ReopenForm sheetId={sheet.id} version={view.self.version} kind="SELF" reopen={reopenEvaluationAction} /> : null}
    </article>
  );
}
