import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError, HTTP_STATUS, type Problem } from "@/lib/errors";
import { getSelfEvaluationReport } from "@/lib/reports/self-evaluation";
import { writeSelfEvaluationWorkbook } from "@/lib/xlsx/self-evaluation-workbook";

type Context = { params: Promise<{ id: string }> };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const problem = (status: number, error: string, problems: Problem[] = []) =>
  Response.json({ error, problems }, { status, headers: { "Cache-Control": "no-store" } });

/** GET /api/v1/sheets/:id/report.xlsx — the sheet's 自评表 as an .xlsx download (anyone who may read the sheet). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const actor = await getActor();
  if (!actor) return problem(401, "请先登录");
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) return problem(404, "找不到该绩效目标表");
  try {
    const report = await getSelfEvaluationReport(await getPrisma(), actor, { sheetId: Number(raw) });
    const body = await writeSelfEvaluationWorkbook(report);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "Content-Type": XLSX,
        "Content-Length": String(body.byteLength),
        "Content-Disposition": contentDisposition(`${report.year}年度${report.title}-${report.project}.xlsx`),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return problem(HTTP_STATUS[error.code], error.message, error.problems);
    console.error(error);
    return problem(500, "服务器内部错误，请稍后重试");
  }
}

/** RFC 6266/5987: an ASCII fallback for old clients, and the real (UTF-8) name. */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
