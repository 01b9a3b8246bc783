import type { Metadata } from "next";
import { ScorecardView } from "@/components/scorecard/scorecard-view";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { getScorecard } from "@/lib/scorecard/get-scorecard";
import { parseScorecardQuery } from "@/lib/scorecard/query";

export const metadata: Metadata = { title: "绩效看板" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 计分卡: the year's sheets with their figures; sort, filters, grouping, columns and page live in the URL. */
export default async function ScorecardPage({ searchParams }: Props) {
  const query = parseScorecardQuery(await searchParams);
  const actor = await requireActor();
  const data = await getScorecard(await getPrisma(), actor, query);
  return <ScorecardView data={data} />;
}
