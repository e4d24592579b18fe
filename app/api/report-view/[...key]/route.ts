import { Readable } from "node:stream";
import { AppError } from "../../../../lib/errors.ts";
import { REPORT_VIEW_CSP, REPORT_VIEW_PREFIX } from "../../../../lib/http/report-view-policy.ts";
import { errorResponse } from "../../../../lib/http/route-errors.ts";
import { isValidArtifactKey } from "../../../../lib/storage/artifact-key.ts";
import { findArtifact } from "../../../../lib/storage/artifact-records.ts";
import { getArtifactStore } from "../../../../lib/storage/default-artifact-store.ts";
import { ArtifactNotFoundError } from "../../../../lib/storage/errors.ts";

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
    const key = (await params).key.join("/");
    if (!isValidArtifactKey(key)) {
      throw new AppError("INVALID_INPUT", "That is not a valid artifact key: keys are relative paths of letters, digits and . _ = + @ , - segments.", 400);
    }
    if (!key.startsWith(REPORT_VIEW_PREFIX)) throw new AppError("NOT_FOUND", `Only reports (keys under ${REPORT_VIEW_PREFIX}) are shown inline. To fix: download other artifacts from /api/artifacts/${key}.`, 404);
    const record = await findArtifact(key);
    if (!record) throw new AppError("NOT_FOUND", `There is no artifact "${key}".`, 404);
    if (!/^text\/html(;|$)/i.test(record.contentType)) throw new AppError("NOT_FOUND", `"${key}" is not an HTML report (${record.contentType}). To fix: download it from /api/artifacts/${key}.`, 404);
    const stream = await getArtifactStore().getStream(key);
    const fileName = key.slice(key.lastIndexOf("/") + 1);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
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
    if (e instanceof ArtifactNotFoundError) {
      return errorResponse(new AppError("NOT_FOUND", "The report is recorded but missing from the artifact store.", 404));
    }
    return errorResponse(e);
  }
}
