import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DepartmentSheetList } from "@/components/sheets/department-sheet-list";
import { SheetsTable } from "@/components/sheets/sheets-table";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { listSheets, listYears } from "@/lib/sheets/list-sheets";

export const metadata: Metadata = { title: "绩效目标表" };

const searchSchema = z.object({ year: z.coerce.number().int().min(1900).max(9999).optional() });

export default async function SheetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.safeParse(await searchParams);
  if (!search.success) notFound();
  const actor = await requireActor();
  const prisma = await getPrisma();
  const years = await listYears(prisma);
  const year = search.data.year ?? years[0];

  if (year === undefined) {
    return (
      <PageTitle>
        <p className="mt-6 rounded border border-line bg-white p-6 text-center text-muted">尚未导入任何年度的绩效目标表。</p>
      </PageTitle>
    );
  }

  const rows = await listSheets(prisma, actor, year);
  const departmentRows = rows.filter((row) => row.kind === "DEPARTMENT");
  const projectRows = rows.filter((row) => row.kind === "PROJECT");

  return (
    <PageTitle year={year}>
      {years.length > 1 ? <YearLinks years={years} current={year} /> : null}
      {rows.length === 0 ? (
        <p className="mt-6 rounded border border-line bg-white p-6 text-center text-muted">{year}年度没有您可查看的绩效目标表。</p>
      ) : null}
      {departmentRows.length > 0 ? (
        <section aria-labelledby="department-sheets" className="mt-4">
          <h2 id="department-sheets" className="mb-2 font-semibold">
            部门整体绩效目标
          </h2>
          <DepartmentSheetList rows={departmentRows} />
        </section>
      ) : null}
      {projectRows.length > 0 ? (
        <section aria-labelledby="project-sheets" className="mt-6">
          <h2 id="project-sheets" className="mb-2 font-semibold">
            项目支出绩效目标表
          </h2>
          <SheetsTable rows={projectRows} caption={`${year}年度项目支出绩效目标表`} />
        </section>
      ) : null}
    </PageTitle>
  );
}

function PageTitle({ year, children }: { year?: number; children: React.ReactNode }) {
  return (
    <>
      <h1 className="text-lg font-semibold">{year ? `${year}年度绩效目标表` : "绩效目标表"}</h1>
      {children}
    </>
  );
}

function YearLinks({ years, current }: { years: number[]; current: number }) {
  return (
    <nav aria-label="年度" className="no-print mt-2 flex gap-2">
      {years.map((y) => (
        <Link
          key={y}
          href={`/sheets?year=${y}`}
          aria-current={y === current ? "page" : undefined}
          className={`rounded border px-2 py-0.5 ${y === current ? "border-brand bg-brand text-white" : "border-line bg-white hover:border-brand"}`}
        >
          {y}年
        </Link>
      ))}
    </nav>
  );
}
