import { templateWorkbook } from "@/lib/authoring/export-workbook";
import { downloadWorkbook } from "../_lib/xlsx-response";

/** GET /api/v1/template.xlsx — the blank 项目支出绩效目标表 to fill in (any signed-in user). */
export async function GET(): Promise<Response> {
  return downloadWorkbook(() => templateWorkbook());
}
