import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { BadYear } from "@/components/layout/page-problem";
import { yearSchema } from "@/lib/input";
import { EvaluationsTable } from "@/components/evaluation/evaluations-table";
import { YearEndDeadlines } from "@/components/evaluation/year-end-deadlines";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { listEvaluations } from "@/lib/evaluation/list-evaluations";

export const metadata: Metadata = { title: "年终评价" };

const searchSchema = z.object({ year: yearSchema.optional() });

const HEADINGS = {
  EVALUATOR: { title: "待评价", intro: "分配给您评价的绩效目标表。点击项目名称打开评价表，对照负责人自评和全年进度逐项评分。" },
  LEAD: { title: "年终自评", intro: "您负责的绩效目标表。点击项目名称填写自评；评价人定稿后可在同一页看到评价人的评分。" },
  MANAGER: { title: "年终评价", intro: "本部门各绩效目标表的评价进度。已定稿的评价可在评价页重新开放（需填写原因）。" },
  ADMIN: { title: "年终评价", intro: "各绩效目标表的评价进度。" },
} as const;

export default async function EvaluationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.safeParse(await searchParams);
  if (!search.success) return <BadYear href="/evaluations" />;
  const actor = await requireActor();
  const list = await listEvaluations(await getPrisma(), actor, { year: search.data.year });
  const heading = HEADINGS[actor.role];
  const finals = list.rows.filter((r) => r.state === "FINAL").length;
  return (
    <section className="space-y-3">
      <h1 className="text-xl font-semibold">
        {list.year ? `${list.year}年度` : ""}
        {heading.title}
      </h1>
      <p className="text-muted">{heading.intro}</p>
      {list.deadlines ? <YearEndDeadlines deadlines={list.deadlines} /> : null}
      {list.years.length > 1 ? (
        <nav aria-label="年度" className="flex gap-3">
          {list.years.map((y) => (
            <Link
              key={y}
              href={`/evaluations?year=${y}`}
              aria-current={y === list.year ? "page" : undefined}
              className="text-brand hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-ink"
            >
              {y}年度
            </Link>
          ))}
        </nav>
      ) : null}
      {list.rows.length === 0 ? (
        <p className="rounded border border-line bg-white p-6 text-center text-muted">没有需要您处理的年终评价。</p>
      ) : (
        <>
          <p className="text-sm">
            已定稿 {finals} / {list.rows.length} 张。
          </p>
          <EvaluationsTable rows={list.rows} caption={`${list.year}年度年终评价`} />
        </>
      )}
    </section>
  );
}
