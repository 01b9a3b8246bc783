import { headers } from "next/headers";
import { NONCE_HEADER } from "@/lib/security/csp";

/** This request's CSP nonce (set by proxy.ts), for a `<style>` element a page renders itself. */
export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined;
}
