import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { orInterrupt } from "@/app/_lib/interrupts";
import { loadSheetNav } from "@/app/_lib/sheet-nav";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { MonitorView } from "@/components/scorecard/monitor-view";
import { SheetNav } from "@/components/sheets/sheet-nav";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { getSheetMonitor } from "@/lib/scorecard/get-sheet-monitor";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 截至月份: a month that cannot be measured falls back to the default, and the page says which month it shows.
const monthParam = z.coerce.number().int().min(1).max(12).optional().catch(undefined);

/** One authorised read per request, shared by the title and the page. */
const load = cache(async (rawId: string, rawMonth: string | undefined) => {
  const params = sheetIdParams.safeParse({ id: rawId });
  if (!params.success) notFound();
  const actor = await requireActor();
  const month = monthParam.parse(rawMonth);
  return orInterrupt(getPrisma().then((prisma) => getSheetMonitor(prisma, actor, params.data.id, { month })));
});

const monthOf = (search: Record<string, string | string[] | undefined>) => (typeof search.month === "string" ? search.month : undefined);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await load((await params).id, monthOf(await searchParams));
  return { title: `运行监控 · ${data.sheet.name}` };
}

/** 运行监控 of one sheet (drill-down from the scorecard), at the month asked (?month=) or the scorecard's default. */
export default async function MonitorPage({ params, searchParams }: Props) {
  const data = await load((await params).id, monthOf(await searchParams));
  const nav = await loadSheetNav(data.sheet.id);
  return (
    <div className="space-y-3">
      <SheetNav
        nav={nav}
        current="monitor"
        actions={
          <Link href={`/scorecard?year=${data.sheet.year}&month=${data.asOfMonth}`} className="text-brand hover:underline">
            {data.sheet.year}年度绩效看板
          </Link>
        }
      />
      <MonitorView data={data} />
    </div>
  );
}
