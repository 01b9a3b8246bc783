import { getPrisma } from "@/lib/db";
import { exportWorkbook } from "@/lib/authoring/export-workbook";
import { downloadWorkbook, notFound } from "../../../_lib/xlsx-response";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/sheets/:id/xlsx — the sheet in the official layout (whoever may read it). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const raw = (await params).id;
  if (!/^\d{1,10}$/.test(raw)) return notFound("找不到该绩效目标表");
  return downloadWorkbook(async (actor) => exportWorkbook(await getPrisma(), actor, { sheetId: Number(raw) }));
}
