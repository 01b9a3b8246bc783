import type { Workbook } from "@/lib/xlsx";
import { getActor } from "@/lib/session/session";
import { contentDisposition, errorResponse, problemResponse, unauthorized } from "./problem";

/** Workbook downloads: the file as an attachment with its Chinese name, or `{ error, problems }` JSON. */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function workbookResponse(workbook: Workbook): Response {
  return new Response(new Uint8Array(workbook.bytes), {
    status: 200,
    headers: {
      "Content-Type": XLSX,
      "Content-Length": String(workbook.bytes.byteLength),
      "Content-Disposition": contentDisposition(workbook.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** Signed in → the workbook the use case builds; else 401; its refusals as 403 / 404 / 400. */
export async function downloadWorkbook(build: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<Workbook>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return unauthorized();
  try {
    return workbookResponse(await build(actor));
  } catch (error) {
    return errorResponse(error);
  }
}

export const notFound = (message: string) => problemResponse(404, message);
