import { artifactBody, recordedArtifact, storedArtifactError } from "../../../../lib/http/stored-artifact.ts";
import { getArtifactStore } from "../../../../lib/storage/default-artifact-store.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/artifacts/<key> -> the object as an attachment (or a 302 to a presigned URL).
 * Only keys recorded in ops.artifacts are served: the route never touches a path the database does not reference.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  try {
    const { key, record, fileName } = await recordedArtifact((await params).key);
    const url = await getArtifactStore().downloadUrl(key);
    if (url) return new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
    return new Response(await artifactBody(key), {
      headers: {
        "content-type": record.contentType,
        "content-length": String(record.bytes),
        "content-disposition": `attachment; filename="${fileName}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return storedArtifactError(e);
  }
}
