import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { orInterrupt } from "@/app/_lib/interrupts";
import { cspNonce } from "@/app/_lib/nonce";
import { loadSheetNav } from "@/app/_lib/sheet-nav";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { cssString, SelfEvaluationReportView } from "@/components/evaluation/self-evaluation-report";
import { PrintButton } from "@/components/sheets/print-button";
import { SheetNav } from "@/components/sheets/sheet-nav";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { getSelfEvaluationReport } from "@/lib/reports/self-evaluation";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (rawId: string) => {
  const params = sheetIdParams.safeParse({ id: rawId });
  if (!params.success) notFound();
  const actor = await requireActor();
  return orInterrupt(getPrisma().then((prisma) => getSelfEvaluationReport(prisma, actor, { sheetId: params.data.id })));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const report = await load((await params).id);
  return { title: `自评表 · ${report.project}` };
}

/** The 自评表 to print: A4 landscape, unit / project / date in the page header, page numbers in the footer. */
export default async function ReportPage({ params }: Props) {
  const report = await load((await params).id);
  const nav = await loadSheetNav(report.sheetId);
  const pageHeader = `@page { @top-left { content: ${cssString(`${report.unit}　${report.project}`)}; font-size: 8pt; color: #555; } @top-right { content: ${cssString(`${report.year}年度${report.title}　打印日期：${report.printedOn}`)}; font-size: 8pt; color: #555; } }`;
  return (
    <article className="print-landscape space-y-3">
      <style nonce={await cspNonce()}>{pageHeader}</style>
      <SheetNav
        nav={nav}
        current="report"
        actions={
          <>
            <a href={`/api/v1/sheets/${report.sheetId}/report.xlsx`} className="rounded border border-line bg-white px-3 py-1 hover:border-brand">
              导出Excel
            </a>
            <PrintButton />
          </>
        }
      />
      <SelfEvaluationReportView report={report} />
    </article>
  );
}
