import type { Workbook } from "@/lib/xlsx";
import type { UserActor } from "@/lib/session/session";
import { contentDisposition, problemResponse } from "./problem";
import { withActor } from "./route";

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

/** Signed in (else 401) and within the `read` rate (else 429) → the workbook the use case builds; its refusals as 403 / 404 / 400. */
export async function downloadWorkbook(build: (actor: UserActor) => Promise<Workbook>): Promise<Response> {
  return withActor("read", async ({ actor }) => workbookResponse(await build(actor)));
}

export const notFound = (message: string) => problemResponse(404, message);
