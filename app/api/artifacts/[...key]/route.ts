import { Readable } from "node:stream";
import { AppError } from "../../../../lib/errors.ts";
import { errorResponse } from "../../../../lib/http/route-errors.ts";
import { isValidArtifactKey } from "../../../../lib/storage/artifact-key.ts";
import { findArtifact } from "../../../../lib/storage/artifact-records.ts";
import { getArtifactStore } from "../../../../lib/storage/default-artifact-store.ts";
import { ArtifactNotFoundError } from "../../../../lib/storage/errors.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/artifacts/<key> -> the object as an attachment (or a 302 to a presigned URL).
 * Only keys recorded in ops.artifacts are served: the route never touches a path the database does not reference.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  try {
    const key = (await params).key.join("/");
    if (!isValidArtifactKey(key)) {
      throw new AppError("INVALID_INPUT", "That is not a valid artifact key: keys are relative paths of letters, digits and . _ = + @ , - segments.", 400);
    }
    const record = await findArtifact(key);
    if (!record) throw new AppError("NOT_FOUND", `There is no artifact "${key}".`, 404);
    const store = getArtifactStore();
    const url = await store.downloadUrl(key);
    if (url) return new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
    const stream = await store.getStream(key);
    const fileName = key.slice(key.lastIndexOf("/") + 1);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": record.contentType,
        "content-length": String(record.bytes),
        "content-disposition": `attachment; filename="${fileName}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof ArtifactNotFoundError) {
      return errorResponse(new AppError("NOT_FOUND", "The artifact is recorded but missing from the artifact store.", 404));
    }
    return errorResponse(e);
  }
}
