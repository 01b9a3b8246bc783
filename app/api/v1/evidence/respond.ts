import { AppError, HTTP_STATUS, type Problem } from "@/lib/errors";
import { UploadTooLargeError } from "@/lib/evidence/upload-request";

/** JSON answers of the evidence API: `{ error, problems }` for every refusal. */

export const problemResponse = (status: number, error: string, problems: Problem[] = []) =>
  Response.json({ error, problems }, { status, headers: { "Cache-Control": "no-store" } });

export const unauthorized = () => problemResponse(401, "请先登录");

export function errorResponse(error: unknown): Response {
  if (error instanceof UploadTooLargeError) return problemResponse(413, error.message, error.problems);
  if (error instanceof AppError) return problemResponse(HTTP_STATUS[error.code], error.message, error.problems);
  console.error(error);
  return problemResponse(500, "服务器内部错误，请稍后重试");
}

/**
 * Refuses a state-changing request sent from another site's page (the session cookie is SameSite=Lax,
 * this is the second line): when the browser names an Origin, it must be this host.
 */
export function crossSiteRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (!origin) return null;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or garbage: refuse below.
  }
  return originHost !== null && originHost === host ? null : problemResponse(403, "跨站请求被拒绝");
}
