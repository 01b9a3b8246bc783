// No usage data leaves the machine. The build reads this file before it starts its telemetry;
// `next start` and `next dev` also honour NEXT_TELEMETRY_DISABLED=1 set by npm start / the environment.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/**
 * Security headers for every response. The Content-Security-Policy of pages is built per request, around a
 * nonce, by proxy.ts (lib/security/csp.ts); what the proxy does not see (API answers, downloads, the icon)
 * loads nothing and runs nothing, so it gets the strictest policy.
 */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {() => import("next").NextConfig} */
export default function nextConfig() {
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
      const nonPage = [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }];
      return [
        { source: "/:path*", headers: securityHeaders },
        { source: "/api/:path*", headers: nonPage },
        { source: "/icon.svg", headers: nonPage },
      ];
    },
  };
}
