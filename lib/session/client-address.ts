/**
 * The client address sign-in throttling counts by (docs/security.md, "Client address").
 *
 * next-auth v4 hands `authorize()` the request's headers, not its socket. `next start` fills in
 * `X-Forwarded-For` with the socket address when the request has none, but keeps one a client sent, so
 * without a proxy in front the header is only a claim. `TRUST_PROXY` says how many proxies of our own
 * append to it (`1` for one nginx in front; unset or `0` when clients reach the app directly):
 * - TRUST_PROXY = N ≥ 1: the N-th entry from the right, the one our outermost proxy saw;
 * - unset: the rightmost entry, which is the socket address unless the client forged the header. A forged
 *   address gains a guesser nothing the per-account limit does not take back.
 *
 * IPv6 addresses count by their /64 network (one host usually holds all of it); the IPv4-mapped form counts
 * as the IPv4 address. Anything that is not an address reads as "unknown".
 */
export const UNKNOWN_ADDRESS = "unknown";

export type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export function trustedProxyHops(setting: string | undefined): number {
  const value = setting?.trim().toLowerCase() ?? "";
  if (value === "" || value === "0" || value === "false" || value === "no") return 0;
  if (value === "true" || value === "yes") return 1;
  const hops = Number(value);
  return Number.isInteger(hops) && hops > 0 && hops < 20 ? hops : 0;
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderBag, trustProxy: string | undefined): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return UNKNOWN_ADDRESS;
  const hops = trustedProxyHops(trustProxy);
  // Fewer entries than proxies: the request did not come through them; its last entry is all there is.
  const entry = entries[Math.max(0, entries.length - Math.max(1, hops))];
  return normalizeAddress(entry);
}

export function normalizeAddress(raw: string | undefined): string {
  if (!raw) return UNKNOWN_ADDRESS;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "192.0.2.1:443": an address with a port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1] ?? "";
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1] ?? "";
  if (isIpv4(value)) return value;
  const groups = ipv6Groups(value);
  if (!groups) return UNKNOWN_ADDRESS;
  if (groups.slice(0, 5).every((g) => g === "0") && groups[5] === "ffff") {
    const [high, low] = [Number.parseInt(groups[6] ?? "0", 16), Number.parseInt(groups[7] ?? "0", 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  // Loopback and the like are single hosts; anything routed counts by its /64.
  return groups.slice(0, 4).every((g) => g === "0") ? groups.join(":") : `${groups.slice(0, 4).join(":")}::/64`;
}

function isIpv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** The eight groups of an IPv6 address, without leading zeros; null when it is not one. */
function ipv6Groups(value: string): string[] | null {
  if (!/^[0-9a-f:.]+$/.test(value) || value.length > 45) return null;
  let text = value;
  // A trailing dotted IPv4 part counts as two groups.
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const dotted = v4[1] ?? "";
    if (!isIpv4(dotted)) return null;
    const [a, b, c, d] = dotted.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const split = (part: string | undefined) => (part ? part.split(":") : []);
  const head = split(halves[0]);
  const tail = split(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => "0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => group.replace(/^0+(?=.)/, ""));
}
