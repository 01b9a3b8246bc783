import type { Workbook } from "@/lib/authoring/export-workbook";
import { getActor } from "@/lib/auth/session";
import { AppError, HTTP_STATUS } from "@/lib/errors";

/** Workbook downloads: the file as an attachment with its Chinese name, or `{ error, problems }` JSON. */

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** RFC 6266/5987: an ASCII fallback for old clients, and the real (UTF-8) name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

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

const problem = (status: number, error: string, problems: AppError["problems"] = []) =>
  Response.json({ error, problems }, { status, headers: { "Cache-Control": "no-store" } });

/** Signed in → the workbook the use case builds; else 401; its refusals as 403 / 404 / 400. */
export async function downloadWorkbook(build: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<Workbook>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return problem(401, "请先登录");
  try {
    return workbookResponse(await build(actor));
  } catch (error) {
    if (error instanceof AppError) return problem(HTTP_STATUS[error.code], error.message, error.problems);
    console.error(error);
    return problem(500, "服务器内部错误，请稍后重试");
  }
}

export const notFound = (message: string) => problem(404, message);
