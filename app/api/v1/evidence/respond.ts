import { RangeNotSatisfiableError } from "@/lib/evidence/byte-range";
import { UploadTooLargeError } from "@/lib/evidence/upload-request";
import { errorResponse as refusalResponse, problemResponse } from "../_lib/problem";

/** JSON answers of the evidence API: `{ error, problems }` for every refusal. */

export { problemResponse, unauthorized } from "../_lib/problem";

/** As every route answers, but a file over the size limit is 413, and a download range past its end 416. */
export function errorResponse(error: unknown): Response {
  if (error instanceof UploadTooLargeError) return problemResponse(413, error.message, error.problems);
  if (error instanceof RangeNotSatisfiableError) return problemResponse(416, error.message, [], { "Content-Range": `bytes */${error.size}` });
  return refusalResponse(error);
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
