import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orInterrupt } from "@/app/_lib/interrupts";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { AssignmentsTable } from "@/components/admin/assignments-table";
import { listAssignments, listAssignmentsSchema } from "@/lib/assignments/list-assignments";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { assignAction, unassignAction } from "./actions";

export const metadata: Metadata = { title: "分工 · 用户与分工" };

export default async function AssignmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = listAssignmentsSchema.safeParse(await searchParams);
  if (!search.success) notFound();
  const actor = await requireActor();
  const overview = await orInterrupt(getPrisma().then((prisma) => listAssignments(prisma, actor, search.data)));
  const years = overview.years.length > 1 ? <YearLinks years={overview.years} current={overview.year} /> : null;
  return (
    <div className="space-y-4">
      <AdminHeader current="assignments">{years}</AdminHeader>
      <p className="text-muted">项目负责人只能看到并填报分配给自己的绩效目标表；评价人对分配给自己的表进行年终评价。只能分配角色相符且已启用的账号。</p>
      {overview.year === null ? (
        <p className="rounded border border-line bg-white p-6 text-center text-muted">尚未导入任何年度的绩效目标表。</p>
      ) : overview.sheets.length === 0 ? (
        <p className="rounded border border-line bg-white p-6 text-center text-muted">{overview.year}年度没有绩效目标表。</p>
      ) : (
        <AssignmentsTable
          rows={overview.sheets}
          caption={`${overview.year}年度绩效目标表的分工`}
          candidates={overview.candidates}
          assignAction={assignAction}
          unassignAction={unassignAction}
        />
      )}
    </div>
  );
}

function YearLinks({ years, current }: { years: number[]; current: number | null }) {
  return (
    <nav aria-label="年度" className="no-print flex gap-2">
      {years.map((y) => (
        <Link
          key={y}
          href={`/admin/assignments?year=${y}`}
          aria-current={y === current ? "page" : undefined}
          className={`rounded border px-2 py-0.5 ${y === current ? "border-brand bg-brand text-white" : "border-line bg-white hover:border-brand"}`}
        >
          {y}年
        </Link>
      ))}
    </nav>
  );
}
