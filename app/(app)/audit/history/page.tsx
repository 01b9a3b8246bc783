import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orInterrupt } from "@/app/_lib/interrupts";
import { toAuditRow } from "@/components/audit/audit-rows";
import { AuditTable } from "@/components/audit/audit-table";
import { entityLabel } from "@/components/audit/describe";
import { valueHistory, valueHistorySchema } from "@/lib/audit-log/value-history";
import { can } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";

export const metadata: Metadata = { title: "修改记录" };

/** Every recorded change of one record (a value, a user, a sheet), oldest first. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = valueHistorySchema.safeParse(await searchParams);
  if (!search.success) notFound();
  const actor = await requireActor();
  const history = await orInterrupt(getPrisma().then((prisma) => valueHistory(prisma, actor, search.data)));
  const rows = history.entries.map(toAuditRow);
  const subject = rows.at(-1)?.subject ?? `${entityLabel(history.entityType)} #${history.entityId}`;
  const sheet = history.entries.find((e) => e.sheet)?.sheet ?? null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-lg font-semibold">修改记录：{subject}</h1>
        {can(actor, { type: "audit.read" }) ? (
          <Link href="/audit" className="text-brand hover:underline">
            ← 返回操作日志
          </Link>
        ) : null}
      </div>
      {sheet ? (
        <p>
          所属绩效目标表：
          <Link href={`/sheets/${sheet.id}`} className="text-brand hover:underline">
            {sheet.name}
          </Link>
        </p>
      ) : null}
      <p className="text-muted">按时间先后排列，最早的在前。</p>
      <AuditTable rows={rows} caption={`修改记录：${subject}`} emptyText="该记录还没有修改记录" history />
    </div>
  );
}
