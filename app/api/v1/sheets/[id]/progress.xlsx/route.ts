import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportProgressWorkbook } from "@/lib/progress-workbook/export-progress-workbook";
import { downloadWorkbook } from "../../../_lib/xlsx-response";

type Context = { params: Promise<{ id: string }> };

/**
 * GET /api/v1/sheets/:id/progress.xlsx?month=7 — the month's 进度填报工作簿 of one sheet (anyone who may read the
 * sheet; uploading it back needs the right to fill it in).
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const raw = (await params).id;
  return downloadWorkbook(async (actor) => {
    if (!/^\d{1,9}$/.test(raw)) throw new AppError("NOT_FOUND", "找不到该绩效目标表");
    const month = new URL(request.url).searchParams.get("month") ?? "";
    return exportProgressWorkbook(await getPrisma(), actor, { sheetId: Number(raw), month });
  });
}
