import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { monthSchema } from "@/lib/input";
import { orInterrupt } from "@/app/_lib/interrupts";
import { loadSheetNav } from "@/app/_lib/sheet-nav";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { PageProblem } from "@/components/layout/page-problem";
import { ProgressForm } from "@/components/progress/progress-form";
import { WorkbookLinks } from "@/components/progress-workbook/workbook-links";
import { SheetNav } from "@/components/sheets/sheet-nav";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { getProgress } from "@/lib/progress/get-progress";
import { adjustBudgetAction, reopenMonthAction, reviewMonthAction, saveProgressAction, setMeasureTypeAction, submitMonthAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const searchSchema = z.object({ month: monthSchema.optional() });

const ACTIONS = {
  save: saveProgressAction,
  submit: submitMonthAction,
  review: reviewMonthAction,
  reopen: reopenMonthAction,
  adjustBudget: adjustBudgetAction,
  setMeasureType: setMeasureTypeAction,
};

/** One authorised read per request, shared by the title and the page; null for a month that does not exist. */
const load = cache(async (rawId: string, rawMonth: string | undefined) => {
  const params = sheetIdParams.safeParse({ id: rawId });
  if (!params.success) notFound();
  const search = searchSchema.safeParse({ month: rawMonth || undefined });
  if (!search.success) return null;
  const actor = await requireActor();
  const prisma = await getPrisma();
  const view = await orInterrupt(getProgress(prisma, actor, { sheetId: params.data.id, month: search.data.month }));
  const files = await listEvidence(prisma, actor, { sheetId: view.sheet.id, month: view.month });
  return { view, files, userId: actor.id };
});

const monthParam = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const loaded = await load((await params).id, monthParam((await searchParams).month));
  return { title: loaded ? `进度填报 ${loaded.view.monthLabel} · ${loaded.view.sheet.name}` : "月份有误" };
}

export default async function ProgressPage({ params, searchParams }: Props) {
  const { id } = await params;
  const month = monthParam((await searchParams).month);
  const loaded = await load(id, month);
  if (!loaded) return <BadMonth sheetId={Number(id)} month={month ?? ""} />;
  const { view, files, userId } = loaded;
  const nav = await loadSheetNav(view.sheet.id);
  return (
    <article className="print-landscape space-y-3">
      <SheetNav nav={nav} current="progress" />
      <header>
        <h1 className="text-xl font-semibold">进度填报 · {view.monthLabel}</h1>
        <p className="text-muted">
          {view.sheet.name}（{view.sheet.unit}，项目负责人：{view.sheet.lead}）
        </p>
        {view.permissions.edit ? (
          <WorkbookLinks
            label="用 Excel 填报："
            downloadHref={`/api/v1/sheets/${view.sheet.id}/progress.xlsx?month=${view.month}`}
            downloadLabel="下载本月工作簿"
            uploadHref={`/progress/workbook?sheet=${view.sheet.id}&month=${view.month}`}
          />
        ) : null}
      </header>
      {/* Keyed by month: switching months starts from that month's saved state. */}
      <ProgressForm key={`${view.sheet.id}-${view.month}`} initial={view} actions={ACTIONS} files={files} userId={userId} />
    </article>
  );
}

/** `?month=13` or `?month=abc`: say which months exist, under the sheet's own header. */
async function BadMonth({ sheetId, month }: { sheetId: number; month: string }) {
  const nav = await loadSheetNav(sheetId);
  return (
    <div className="space-y-3">
      <SheetNav nav={nav} current="progress" />
      <PageProblem
        title="月份有误"
        detail={`链接中的月份「${month.slice(0, 20)}」不存在：进度按 1–12 月填报。`}
        links={[
          { href: `/sheets/${sheetId}/progress`, label: "打开本月的进度填报" },
          { href: `/sheets/${sheetId}`, label: "返回绩效目标表" },
        ]}
      />
    </div>
  );
}
