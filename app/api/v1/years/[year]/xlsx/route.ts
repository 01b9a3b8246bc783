import { getPrisma } from "@/lib/db";
import { exportWorkbook } from "@/lib/authoring/export-workbook";
import { downloadWorkbook, notFound } from "../../../_lib/xlsx-response";

type Context = { params: Promise<{ year: string }> };

/**
 * GET /api/v1/years/:year/xlsx[?department=…] — every sheet of the year the user may see, one
 * worksheet each (admins, managers, evaluators: `sheets.export`).
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const raw = (await params).year;
  if (!/^\d{4}$/.test(raw)) return notFound("年度无效");
  const department = new URL(request.url).searchParams.get("department")?.trim() || undefined;
  return downloadWorkbook(async (actor) => exportWorkbook(await getPrisma(), actor, { year: Number(raw), department }));
}
