import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { orInterrupt } from "@/app/_lib/interrupts";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { ProgressForm } from "@/components/progress/progress-form";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { getProgress } from "@/lib/progress/get-progress";
import { adjustBudgetAction, reopenMonthAction, reviewMonthAction, saveProgressAction, setMeasureTypeAction, submitMonthAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const searchSchema = z.object({ month: z.coerce.number().int().min(1).max(12).optional() });

const ACTIONS = {
  save: saveProgressAction,
  submit: submitMonthAction,
  review: reviewMonthAction,
  reopen: reopenMonthAction,
  adjustBudget: adjustBudgetAction,
  setMeasureType: setMeasureTypeAction,
};

/** One authorised read per request, shared by the title and the page. */
const load = cache(async (rawId: string, rawMonth: string | undefined) => {
  const params = sheetIdParams.safeParse({ id: rawId });
  const search = searchSchema.safeParse({ month: rawMonth || undefined });
  if (!params.success || !search.success) notFound();
  const actor = await requireActor();
  const prisma = await getPrisma();
  const view = await orInterrupt(getProgress(prisma, actor, { sheetId: params.data.id, month: search.data.month }));
  const files = await listEvidence(prisma, actor, { sheetId: view.sheet.id, month: view.month });
  return { view, files, userId: actor.id };
});

const monthParam = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { view } = await load((await params).id, monthParam((await searchParams).month));
  return { title: `进度填报 ${view.monthLabel} · ${view.sheet.name}` };
}

export default async function ProgressPage({ params, searchParams }: Props) {
  const { view, files, userId } = await load((await params).id, monthParam((await searchParams).month));
  return (
    <article className="print-landscape space-y-3">
      <div className="no-print flex items-center justify-between">
        <Link href={`/sheets/${view.sheet.id}`} className="inline-flex min-h-[40px] items-center text-brand hover:underline md:min-h-0">
          ← 返回绩效目标表
        </Link>
      </div>
      <header>
        <h1 className="text-xl font-semibold">进度填报 · {view.monthLabel}</h1>
        <p className="text-muted">
          {view.sheet.name}（{view.sheet.unit}，项目负责人：{view.sheet.lead}）
        </p>
      </header>
      {/* Keyed by month: switching months starts from that month's saved state. */}
      <ProgressForm key={`${view.sheet.id}-${view.month}`} initial={view} actions={ACTIONS} files={files} userId={userId} />
    </article>
  );
}
