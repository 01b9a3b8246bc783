import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { orInterrupt } from "@/app/_lib/interrupts";
import { loadSheetNav } from "@/app/_lib/sheet-nav";
import { sheetIdParams } from "@/app/_lib/sheet-params";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { toAuditRow } from "@/components/audit/audit-rows";
import { AuditTable } from "@/components/audit/audit-table";
import { SheetNav } from "@/components/sheets/sheet-nav";
import { AUDIT_PAGE_SIZE, type AuditPage, listAudit } from "@/lib/audit-log/list-audit";
import { listAuditFilters } from "@/lib/audit-log/list-audit-filters";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "操作日志" };

/** The URL's parameters; an empty field of the filter form means "not filtered". */
const param = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, z.string().max(40).optional());
const searchSchema = z.object({ sheet: param, user: param, from: param, to: param, before: param, after: param });

/** The use case's field names → the URL's. */
const URL_NAME: Record<string, string> = { sheetId: "sheet", actorId: "user", from: "from", to: "to" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.safeParse(await searchParams);
  if (!search.success) notFound();
  const { sheet, user, from, to, before, after } = search.data;
  const actor = await requireActor();
  const prisma = await getPrisma();
  // Two separate reads: the filter form's choices and the page of entries, at once.
  const [options, listed] = await Promise.all([
    orInterrupt(listAuditFilters(prisma, actor)),
    orInterrupt(listAudit(prisma, actor, { sheetId: sheet, actorId: user, from, to, before, after })).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "INVALID") return error;
      throw error;
    }),
  ]);

  let page: AuditPage | null = null;
  const errors: Record<string, string> = {};
  if (listed instanceof AppError) for (const p of listed.problems) errors[URL_NAME[p.path] ?? "page"] ??= p.message;
  else page = listed;

  // Filtered by one sheet, the page is that sheet's 操作日志 tab (listAudit has checked the sheet may be read).
  const sheetId = sheetIdParams.safeParse({ id: sheet });
  const nav = page && sheetId.success ? await loadSheetNav(sheetId.data.id) : null;
  const filters: AuditFilterValues = { sheet, user, from, to };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="space-y-3">
      {nav ? <SheetNav nav={nav} current="audit" /> : null}
      <h1 className="text-lg font-semibold">操作日志</h1>
      <p className="text-muted">每一次对用户、分工、指标、完成值、评分的修改都记录在此，不可更改或删除。时间均为北京时间，日期筛选包含起止两天。</p>
      <AuditFilters options={options} values={filters} errors={errors} />
      {errors.page ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {errors.page}，
          <Link href="/audit" className="underline">
            从最新一页重新查看
          </Link>
        </p>
      ) : null}
      {page ? (
        <>
          <Pager page={page} filters={filters} />
          <AuditTable rows={page.entries.map(toAuditRow)} caption="操作日志" emptyText={filtered ? "没有符合筛选条件的记录" : "还没有任何操作记录"} />
          <Pager page={page} filters={filters} />
        </>
      ) : null}
    </div>
  );
}

function Pager({ page, filters }: { page: AuditPage; filters: AuditFilterValues }) {
  const href = (cursor: { before: string } | { after: string } | null) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...cursor })) if (value) params.set(key, value);
    const query = params.toString();
    return query ? `/audit?${query}` : "/audit";
  };
  const link = "rounded border border-line bg-white px-2 py-0.5 hover:border-brand";
  return (
    <nav aria-label="翻页" className="no-print flex items-center gap-3">
      <span className="text-muted">
        共 {page.total} 条，每页 {AUDIT_PAGE_SIZE} 条，最新的在前
      </span>
      {page.newer ? (
        <>
          <Link href={href(null)} className={link}>
            最新
          </Link>
          <Link href={href({ after: page.newer })} className={link} rel="prev">
            ← 较新
          </Link>
        </>
      ) : null}
      {page.older ? (
        <Link href={href({ before: page.older })} className={link} rel="next">
          较早 →
        </Link>
      ) : null}
    </nav>
  );
}
