import { AppError, HTTP_STATUS, type Problem } from "@/lib/errors";
import { RateLimitedError } from "@/lib/rate-limit/take-token";

/** The JSON answers every API route shares: `{ error, problems }` for a refusal, and the download name header. */

export const problemResponse = (status: number, error: string, problems: Problem[] = [], headers: Record<string, string> = {}) =>
  Response.json({ error, problems }, { status, headers: { "Cache-Control": "no-store", ...headers } });

export const unauthorized = () => problemResponse(401, "请先登录");

/** A use case's refusal (AppError) as its HTTP status (404 / 403 / 409 / 400 / 423 / 429 / 507); anything else logged, 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof RateLimitedError) return problemResponse(429, error.message, [], { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof AppError) return problemResponse(HTTP_STATUS[error.code], error.message, error.problems);
  console.error(error);
  return problemResponse(500, "服务器内部错误，请稍后重试");
}

/** RFC 6266/5987: an ASCII fallback for old clients, and the real (UTF-8) name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
