/**
 * The one reading of a return path (the login page's `callbackUrl`, the path a signed-out visitor asked
 * for, next-auth's redirect): only a path on this site survives, anything else becomes "/". Pure, so the
 * login form checks in the browser what the server checked (docs/security.md, "Return paths").
 *
 * Browsers drop tabs and newlines inside a URL and read a backslash as a slash, so `/\t/evil.example`
 * and `/\evil.example` reach another host although they start with one slash; a value is refused when it
 * holds a control character or a backslash, raw or percent-encoded (decoded up to a few times), or when
 * any decoding starts with two slashes. What survives is re-serialised by the URL parser, so non-ASCII
 * (`/中`) comes back percent-encoded and is safe in a Location header.
 */
const PLACEHOLDER_ORIGIN = "http://return-path.invalid";
const MAX_LENGTH = 2048;
const MAX_DECODINGS = 3;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

export function returnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!everyDecodingIsSafe(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, `${PLACEHOLDER_ORIGIN}/`);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Coming back to the login page would only show it again.
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/login/") || path.startsWith("/login#")) return fallback;
  return path;
}

function everyDecodingIsSafe(value: string): boolean {
  let current = value;
  for (let i = 0; i <= MAX_DECODINGS; i++) {
    if (!current.startsWith("/") || current.startsWith("//") || UNSAFE.test(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // A lone `%` or a broken UTF-8 sequence: not a path a link of this site writes.
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  // Still encoded after several decodings: refused rather than guessed.
  return false;
}

/** next-auth's redirect target (a path, or an absolute URL on its base URL) as a path of this site, or "/" for anything else. */
export function redirectPath(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return returnPath(url);
  let target: URL;
  let base: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url);
  } catch {
    return "/";
  }
  return target.origin === base.origin ? returnPath(target.pathname + target.search + target.hash) : "/";
}
