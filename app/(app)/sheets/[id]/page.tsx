import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { orInterrupt } from "@/app/_lib/interrupts";
import { IndicatorTable } from "@/components/sheets/indicator-table";
import { PrintButton } from "@/components/sheets/print-button";
import { SheetHeader } from "@/components/sheets/sheet-header";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { getSheet } from "@/lib/sheets/get-sheet";

type Props = { params: Promise<{ id: string }> };

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** One authorised read per request, shared by the title and the page. */
const loadSheet = cache(async (rawId: string) => {
  const params = paramsSchema.safeParse({ id: rawId });
  if (!params.success) notFound();
  const actor = await requireActor();
  return orInterrupt(getPrisma().then((prisma) => getSheet(prisma, actor, params.data.id)));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const sheet = await loadSheet((await params).id);
  return { title: sheet.name };
}

export default async function SheetPage({ params }: Props) {
  const sheet = await loadSheet((await params).id);
  const title = sheet.kind === "PROJECT" ? "项目支出绩效目标表" : "部门整体绩效目标表";
  return (
    <article className="print-landscape space-y-3">
      <div className="no-print flex items-center justify-between">
        <Link href={`/sheets?year=${sheet.year}`} className="text-brand hover:underline">
          ← 返回{sheet.year}年度绩效目标表
        </Link>
        <PrintButton />
      </div>
      <header className="text-center">
        <h1 className="text-xl font-semibold tracking-wider">{title}</h1>
        <p className="text-muted">（{sheet.year}年度）</p>
      </header>
      <SheetHeader sheet={sheet} />
      <IndicatorTable sheet={sheet} />
      <p className="hidden text-right text-xs text-muted print:block">打印日期：{printDate()}</p>
    </article>
  );
}

const printDate = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
