import { AppError } from "../../../../lib/errors.ts";
import { REPORT_VIEW_CSP, REPORT_VIEW_PREFIX } from "../../../../lib/http/report-view-policy.ts";
import { artifactBody, recordedArtifact, storedArtifactError } from "../../../../lib/http/stored-artifact.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/report-view/<key> -> a stored HTML report, inline, for the sandboxed iframe on /monitoring.
 * /api/artifacts serves the same bytes as an attachment (and may redirect to S3, whose response carries none of
 * these headers), so this route always streams the object itself. next.config.js relaxes X-Frame-Options to
 * SAMEORIGIN for this path only.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  try {
    const segments = (await params).key;
    const asked = segments.join("/");
    if (!asked.startsWith(REPORT_VIEW_PREFIX)) {
      throw new AppError("NOT_FOUND", `Only reports (keys under ${REPORT_VIEW_PREFIX}) are shown inline. To fix: download other artifacts from /api/artifacts/${asked}.`, 404);
    }
    const { key, record, fileName } = await recordedArtifact(segments);
    if (!/^text\/html(;|$)/i.test(record.contentType)) throw new AppError("NOT_FOUND", `"${key}" is not an HTML report (${record.contentType}). To fix: download it from /api/artifacts/${key}.`, 404);
    return new Response(await artifactBody(key), {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-length": String(record.bytes),
        "content-disposition": `inline; filename="${fileName}"`,
        "content-security-policy": REPORT_VIEW_CSP,
        "x-frame-options": "SAMEORIGIN",
        "x-content-type-options": "nosniff",
        "cross-origin-resource-policy": "same-origin",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return storedArtifactError(e, "report");
  }
}
