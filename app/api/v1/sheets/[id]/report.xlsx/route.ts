import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSelfEvaluationReport } from "@/lib/reports/self-evaluation";
import { writeSelfEvaluationWorkbook } from "@/lib/reports/self-evaluation-workbook";
import { downloadWorkbook } from "../../../_lib/xlsx-response";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/sheets/:id/report.xlsx — the sheet's 自评表 as an .xlsx download (anyone who may read the sheet). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const raw = (await params).id;
  // Signed out is 401 before a malformed id is 404: the id is checked once there is an actor.
  return downloadWorkbook(async (actor) => {
    if (!/^\d{1,9}$/.test(raw)) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
    const report = await getSelfEvaluationReport(await getPrisma(), actor, { sheetId: Number(raw) });
    return { filename: `${report.year}年度${report.title}-${report.project}.xlsx`, bytes: await writeSelfEvaluationWorkbook(report) };
  });
}
