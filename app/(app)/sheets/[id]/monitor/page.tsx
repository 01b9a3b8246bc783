import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { orInterrupt } from "@/app/_lib/interrupts";
import { loadSheetNav } from "@/app/_lib/sheet-nav";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { MonitorView } from "@/components/scorecard/monitor-view";
import { SheetNav } from "@/components/sheets/sheet-nav";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { getSheetMonitor } from "@/lib/scorecard/get-sheet-monitor";

type Props = { params: Promise<{ id: string }> };

/** One authorised read per request, shared by the title and the page. */
const load = cache(async (rawId: string) => {
  const params = sheetIdParams.safeParse({ id: rawId });
  if (!params.success) notFound();
  const actor = await requireActor();
  return orInterrupt(getPrisma().then((prisma) => getSheetMonitor(prisma, actor, params.data.id)));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).id);
  return { title: `运行监控 · ${data.sheet.name}` };
}

/** 运行监控 of one sheet (drill-down from the scorecard). */
export default async function MonitorPage({ params }: Props) {
  const data = await load((await params).id);
  const nav = await loadSheetNav(data.sheet.id);
  return (
    <div className="space-y-3">
      <SheetNav
        nav={nav}
        current="monitor"
        actions={
          <Link href={`/scorecard?year=${data.sheet.year}`} className="text-brand hover:underline">
            {data.sheet.year}年度绩效看板
          </Link>
        }
      />
      <MonitorView data={data} />
    </div>
  );
}
