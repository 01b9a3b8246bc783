import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

// No usage data leaves the machine. The build reads this file before it starts its telemetry;
// `next start` and `next dev` also honour NEXT_TELEMETRY_DISABLED=1 set by npm start / the environment.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/**
 * Security headers for every response. Nothing is loaded from another origin (no CDN, no web fonts),
 * so the policy can be `'self'` throughout; Next's inline bootstrap scripts need `'unsafe-inline'`
 * (a nonce would force every page dynamic for little gain on an intranet) and dev needs `'unsafe-eval'`.
 */
function securityHeaders(dev) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** @type {(phase: string) => import("next").NextConfig} */
export default function nextConfig(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    // PGlite loads its wasm and data files from its own package directory at run time; bundled, webpack
    // breaks those paths and Turbopack would publish the wasm under .next/static. argon2 is a native addon.
    serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
    poweredByHeader: false,
    reactStrictMode: true,
    experimental: {
      // forbidden() from next/navigation: a sheet the user may not see answers 403 with app/forbidden.tsx.
      authInterrupts: true,
      // Excel workbooks of target sheets are uploaded through a server action (admin import); a whole
      // province's workbook outgrows the default 1 MB. Evidence files use their own route with a 20 MB limit.
      serverActions: { bodySizeLimit: "10mb" },
    },
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders(dev) }];
    },
  };
}
