import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { BadYear } from "@/components/layout/page-problem";
import { yearSchema } from "@/lib/input";
import { DepartmentSheetList } from "@/components/sheets/department-sheet-list";
import { SheetsTable } from "@/components/sheets/sheets-table";
import { YearExportLinks } from "@/components/sheets/year-export-links";
import { can } from "@/lib/auth/authorize";
import { requireActor, type UserActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { listSheets, listYears } from "@/lib/sheets/list-sheets";

export const metadata: Metadata = { title: "绩效目标表" };

const searchSchema = z.object({ year: yearSchema.optional() });

export default async function SheetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.safeParse(await searchParams);
  if (!search.success) return <BadYear href="/sheets" />;
  const actor = await requireActor();
  const prisma = await getPrisma();
  const years = await listYears(prisma);
  const year = search.data.year ?? years[0];

  if (year === undefined) {
    return (
      <PageTitle actor={actor}>
        <p className="mt-6 rounded border border-line bg-white p-6 text-center text-muted">尚未导入任何年度的绩效目标表。</p>
      </PageTitle>
    );
  }

  const rows = await listSheets(prisma, actor, year);
  const departmentRows = rows.filter((row) => row.kind === "DEPARTMENT");
  const projectRows = rows.filter((row) => row.kind === "PROJECT");

  return (
    <PageTitle year={year} actor={actor} departments={[...new Set(rows.map((row) => row.department))]}>
      {years.length > 1 ? <YearLinks years={years} current={year} /> : null}
      {rows.length === 0 ? <p className="mt-6 rounded border border-line bg-white p-6 text-center text-muted">{year}年度没有您可查看的绩效目标表。</p> : null}
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

const button = "rounded border border-line bg-white px-3 py-1 hover:border-brand";

function PageTitle({ year, actor, departments = [], children }: { year?: number; actor: UserActor; departments?: string[]; children: React.ReactNode }) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-lg font-semibold">{year ? `${year}年度绩效目标表` : "绩效目标表"}</h1>
        <div className="no-print flex flex-wrap items-center gap-2">
          {can(actor, { type: "sheet.create" }) ? (
            <Link href={year ? `/sheets/new?year=${year}` : "/sheets/new"} className="rounded bg-brand px-3 py-1 font-medium text-white hover:bg-brand-dark">
              新建绩效目标表
            </Link>
          ) : null}
          {year && departments.length > 0 && can(actor, { type: "sheets.export" }) ? (
            <YearExportLinks year={year} departments={departments} className={button} />
          ) : null}
          {can(actor, { type: "sheets.import" }) ? (
            <Link href="/admin/import" className={button}>
              导入Excel
            </Link>
          ) : null}
          {can(actor, { type: "sheets.rollover" }) ? (
            <Link href={year ? `/admin/rollover?year=${year}` : "/admin/rollover"} className={button}>
              年度结转
            </Link>
          ) : null}
          <a href="/api/v1/template.xlsx" className={button} download>
            下载空白模板
          </a>
        </div>
      </div>
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
