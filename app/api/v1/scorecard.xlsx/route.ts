import { getActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { AppError, HTTP_STATUS, type Problem } from "@/lib/errors";
import { exportScorecard } from "@/lib/scorecard/export-scorecard";
import { parseScorecardQuery } from "@/lib/scorecard/query";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const problem = (status: number, error: string, problems: Problem[] = []) =>
  Response.json({ error, problems }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * GET /api/v1/scorecard.xlsx?year=&unit=&light=&grade=&q=&group=&sort=&dir=&cols= — the scorecard table as the page
 * shows it (same parameters), every matching row, with unit subtotals; only the sheets the user may see.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return problem(401, "请先登录");
  try {
    const query = parseScorecardQuery(new URL(request.url).searchParams);
    const { filename, body } = await exportScorecard(await getPrisma(), actor, query);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        "Content-Type": XLSX,
        "Content-Length": String(body.byteLength),
        "Content-Disposition": contentDisposition(filename),
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
