// Headers of GET /api/report-view/<key>: a stored HTML report shown inline in the sandboxed iframe on /monitoring.

/**
 * The response's own sandbox, whoever frames or opens it: no scripts, no forms, an opaque origin (so it can read
 * neither the app's cookies nor its API), nothing fetched from anywhere; the report's inline CSS and data: images
 * still render (drift reports are self-contained: inline styles and inline SVG). Only the app itself may frame it.
 */
export const REPORT_VIEW_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

/** Only HTML reports under this prefix are shown inline; every other artifact is a download (/api/artifacts). */
export const REPORT_VIEW_PREFIX = "reports/";

/** The inline address of a report key (each segment URL-encoded, like artifactHref). */
export function reportViewHref(key: string): string {
  return `/api/report-view/${key.split("/").map(encodeURIComponent).join("/")}`;
}
