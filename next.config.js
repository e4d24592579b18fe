// Packages that must stay plain Node modules on the server: native-ish (PGlite wasm), socket servers, pg, and
// prom-client (one module instance per process, so every route counts into the same registry).
/** @type {import("next").NextConfig} */
const nextConfig = {
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "pg-copy-streams",
    "@prisma/adapter-pg",
    "s3rver",
    "prom-client",
  ],
  poweredByHeader: false,
  async headers() {
    // User-supplied CSV/HTML must never execute in the page: no inline scripts from data, no sniffing.
    return [
      { source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "X-Frame-Options", value: "DENY" }, { key: "Referrer-Policy", value: "same-origin" }] },
      // Stored HTML reports shown in /monitoring's sandboxed iframe: framed by the app itself only (a later entry with
      // the same key wins). The route adds its own CSP sandbox (lib/http/report-view-policy.ts).
      { source: "/api/report-view/:path*", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
    ];
  },
};
export default nextConfig;
