import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/session/request-path";

/** Tells pages their own path (see lib/session/request-path.ts); a value a client sent is overwritten. */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not Next's assets, the API (which answers 401, not a redirect) or the login page.
  matcher: ["/((?!_next/|api/|login|icon\\.svg|favicon\\.ico).*)"],
};
