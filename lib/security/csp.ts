/**
 * The Content-Security-Policy of every page, built per request by proxy.ts around a fresh nonce. Next reads
 * the nonce back from the request's CSP header and puts it on its own scripts; a page that renders its own
 * `<style>` element passes it along (app/_lib/nonce.ts). Nothing is loaded from another origin (no CDN, no
 * web fonts), so the rest of the policy is `'self'`. Why each exception is there: docs/security.md.
 */

/** The request header that hands the nonce to server components; proxy.ts overwrites any value a client sent. */
export const NONCE_HEADER = "x-ptt-nonce";

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts: only those carrying the nonce, and what they load ('strict-dynamic'; 'self' is the fallback of
 * browsers without it). Never 'unsafe-inline'. `next dev` also needs 'unsafe-eval' (React rebuilds server
 * error stacks with eval) and a WebSocket for hot reload, and injects unnonced `<style>` elements.
 * Style attributes (`style={{ width }}` on table columns and charts) cannot carry a nonce, so
 * `style-src-attr` keeps 'unsafe-inline'; `<style>` elements need the nonce. `style-src` is the fallback of
 * browsers that know neither split directive (the policy before nonces).
 */
export function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
