import { getPrisma } from "@/lib/db";
import { exportScorecard } from "@/lib/scorecard/export-scorecard";
import { parseScorecardQuery } from "@/lib/scorecard/query";
import { downloadWorkbook } from "../_lib/xlsx-response";

/**
 * GET /api/v1/scorecard.xlsx?year=&unit=&light=&grade=&q=&group=&sort=&dir=&cols= — the scorecard table as the page
 * shows it (same parameters), every matching row, with unit subtotals; only the sheets the user may see.
 */
export async function GET(request: Request): Promise<Response> {
  return downloadWorkbook(async (actor) => {
    const query = parseScorecardQuery(new URL(request.url).searchParams);
    return exportScorecard(await getPrisma(), actor, query);
  });
}
