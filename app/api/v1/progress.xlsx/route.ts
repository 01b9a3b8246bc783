import { getPrisma } from "@/lib/db";
import { exportProgressWorkbook } from "@/lib/progress-workbook/export-progress-workbook";
import { downloadWorkbook } from "../_lib/xlsx-response";

/**
 * GET /api/v1/progress.xlsx?year=2025&month=7 — the month's 进度填报工作簿 of every sheet the signed-in lead may fill
 * in for that month, one worksheet each (我的项目).
 */
export async function GET(request: Request): Promise<Response> {
  return downloadWorkbook(async (actor) => {
    const search = new URL(request.url).searchParams;
    return exportProgressWorkbook(await getPrisma(), actor, { year: search.get("year") ?? "", month: search.get("month") ?? "" });
  });
}
