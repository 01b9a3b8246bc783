import { type NextRequest, NextResponse } from "next/server";
import { NONCE_HEADER, newNonce, pageCsp } from "@/lib/security/csp";
import { REQUEST_PATH_HEADER } from "@/lib/session/request-path";

const dev = process.env.NODE_ENV === "development";

/**
 * Every page request: a fresh CSP nonce (lib/security/csp.ts) — in the request's CSP header, where Next reads
 * it for its own scripts, and in the response — and the page's own path (see lib/session/request-path.ts).
 * Values a client sent in these headers are overwritten.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = pageCsp(nonce, dev);
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages, the login page included: not Next's static assets or the API (whose answers are not pages and get
  // next.config.js's fixed policy).
  matcher: ["/((?!_next/static/|_next/image|api/|icon\\.svg|favicon\\.ico).*)"],
};
