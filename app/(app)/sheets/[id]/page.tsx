import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { idSchema } from "@/lib/input";
import { orInterrupt } from "@/app/_lib/interrupts";
import { loadSheetNav } from "@/app/_lib/sheet-nav";
import { AdjustTargetForm } from "@/components/authoring/adjust-target-form";
import { FindingList } from "@/components/authoring/lint-panel";
import { SheetWorkflow } from "@/components/authoring/sheet-workflow";
import { StatusTag } from "@/components/authoring/status-tag";
import { IndicatorTable } from "@/components/sheets/indicator-table";
import { PrintButton } from "@/components/sheets/print-button";
import { SheetHeader } from "@/components/sheets/sheet-header";
import { SheetNav } from "@/components/sheets/sheet-nav";
import { getSheetWithAuthoring, type SheetAuthoringState } from "@/lib/authoring/get-sheet-authoring";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { formatDate, formatTimestamp } from "@/lib/beijing-time";
import type { SheetView } from "@/lib/sheets/get-sheet";
import { adjustTargetAction, publishSheetAction, returnSheetAction, submitSheetAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What a workflow step that just succeeded says (the action redirects here with `?notice=`). */
const NOTICES: Record<string, string> = {
  submitted: "已提交审核，等待审核人处理。",
  returned: "已退回修改，起草人可继续编辑后重新提交。",
  published: "已发布。此后指标值只能通过指标调整修改。",
  "published-assigned": "已发布，并已将起草的项目负责人设为该表的项目负责人。此后指标值只能通过指标调整修改。",
};

const paramsSchema = z.object({ id: idSchema });

/** One authorised read per request, shared by the title and the page. */
const loadSheet = cache(async (rawId: string) => {
  const params = paramsSchema.safeParse({ id: rawId });
  if (!params.success) notFound();
  const actor = await requireActor();
  const prisma = await getPrisma();
  return orInterrupt(getSheetWithAuthoring(prisma, actor, params.data.id));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { sheet } = await loadSheet((await params).id);
  return { title: sheet.name };
}

const button = "rounded border border-line bg-white px-3 py-1 hover:border-brand";

export default async function SheetPage({ params, searchParams }: Props) {
  const { sheet, authoring } = await loadSheet((await params).id);
  const nav = await loadSheetNav(sheet.id);
  const noticeKey = (await searchParams).notice;
  const notice = typeof noticeKey === "string" ? NOTICES[noticeKey] : undefined;
  const title = sheet.kind === "PROJECT" ? "项目支出绩效目标表" : "部门整体绩效目标表";
  const originals = Object.fromEntries(Object.entries(authoring.indicators).map(([id, i]) => [id, i.originalTargetRaw]));
  return (
    <article className="print-landscape space-y-3">
      <SheetNav
        nav={nav}
        current="overview"
        actions={
          <>
            {authoring.can.edit ? (
              <Link href={`/sheets/${sheet.id}/edit`} className={button}>
                编辑
              </Link>
            ) : null}
            <a href={`/api/v1/sheets/${sheet.id}/xlsx`} className={button} download>
              导出Excel
            </a>
            <PrintButton />
          </>
        }
      />
      <header className="text-center">
        <h1 className="text-xl font-semibold tracking-wider">{title}</h1>
        <p className="text-muted">
          （{sheet.year}年度）
          {authoring.status !== "PUBLISHED" ? <StatusTag status={authoring.status} /> : null}
        </p>
      </header>
      {notice ? (
        <p role="status" className="no-print rounded border border-green-300 bg-green-50 px-3 py-1.5 text-green-800">
          {notice}
        </p>
      ) : null}
      {authoring.status !== "PUBLISHED" ? <DraftPanel sheet={sheet} authoring={authoring} /> : null}
      <SheetHeader sheet={sheet} />
      <IndicatorTable sheet={sheet} originals={originals} />
      {authoring.adjustments.length > 0 ? <Adjustments authoring={authoring} /> : null}
      {authoring.can.adjust ? (
        <section aria-labelledby="adjust-title" className="no-print rounded border border-line bg-white p-3">
          <h2 id="adjust-title" className="mb-2 font-semibold">
            指标调整
          </h2>
          <p className="mb-2 text-sm text-muted">已发布的指标值只能经审批调整：记录调整后的指标值和原因，调整前指标值保留并在年终评价时显示。</p>
          <AdjustTargetForm
            rows={sheet.indicators.map((i) => ({ id: i.id, name: i.name, targetRaw: i.targetRaw, version: authoring.indicators[i.id]?.version ?? 1 }))}
            action={adjustTargetAction.bind(null, sheet.id)}
          />
        </section>
      ) : null}
      <p className="hidden text-right text-xs text-muted print:block">打印日期：{printDate()}</p>
    </article>
  );
}

/** A sheet still being authored: who drafted it, where it came from, its lint and the next step. */
function DraftPanel({ sheet, authoring }: { sheet: SheetView; authoring: SheetAuthoringState }) {
  const errors = authoring.findings.filter((f) => f.level === "error").length;
  return (
    <section aria-labelledby="draft-title" className="no-print space-y-2 rounded border border-amber-300 bg-amber-50/50 p-3">
      <h2 id="draft-title" className="font-semibold">
        {authoring.statusLabel}：{authoring.status === "DRAFT" ? "尚未发布，可继续编辑" : "已提交，等待审核"}
      </h2>
      <p className="text-sm text-muted">
        {authoring.author ? `起草人：${authoring.author}。` : null}
        {authoring.source ? (
          <>
            由{" "}
            <Link href={`/sheets/${authoring.source.id}`} className="text-brand hover:underline">
              {authoring.source.year}年「{authoring.source.name}」
            </Link>{" "}
            结转，上年完成值取自{authoring.source.year}年的完成情况。
          </>
        ) : null}
      </p>
      <FindingList findings={authoring.findings} label="检查结果" />
      <SheetWorkflow
        sheetId={sheet.id}
        version={authoring.version}
        can={authoring.can}
        errorCount={errors}
        actions={{ submit: submitSheetAction, publish: publishSheetAction, returnDraft: returnSheetAction }}
      />
    </section>
  );
}

/** 指标调整记录: every approved change of a published target, oldest first (printed with the sheet). */
function Adjustments({ authoring }: { authoring: SheetAuthoringState }) {
  return (
    <section aria-labelledby="adjustments-title">
      <h2 id="adjustments-title" className="mb-1 font-semibold">
        指标调整记录
      </h2>
      <table className="form-table">
        <caption className="sr-only">指标调整记录</caption>
        <thead>
          <tr>
            <th scope="col">三级指标</th>
            <th scope="col">调整前指标值</th>
            <th scope="col">调整后指标值</th>
            <th scope="col">调整原因</th>
            <th scope="col">审批人</th>
            <th scope="col">调整时间</th>
          </tr>
        </thead>
        <tbody>
          {authoring.adjustments.map((a) => (
            <tr key={a.id}>
              <td>{a.indicator}</td>
              <td>{a.before}</td>
              <td>{a.after}</td>
              <td className="whitespace-pre-line">{a.reason}</td>
              <td>{a.approvedBy ?? "—"}</td>
              <td className="num">{formatTimestamp(a.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const printDate = () => formatDate(new Date());
