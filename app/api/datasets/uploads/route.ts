import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import { requireAdmin } from "../../../../lib/auth/admin-auth.ts";
import { AppError } from "../../../../lib/errors.ts";
import { errorResponse } from "../../../../lib/http/route-errors.ts";
import { createDatasetVersionFromUpload } from "../../../../lib/sources/tabular/datasets.ts";
import { uploadTooLargeError } from "../../../../lib/sources/tabular/upload-meter.ts";
import { maxUploadBytes } from "../../../../lib/sources/tabular/upload-limits.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const querySchema = z.object({
  fileName: z.string().trim().min(1, "the file name is required (fileName=customers.csv)").max(255),
  name: z.string().trim().max(100).optional(),
  encoding: z.string().optional(),
});

/**
 * POST ?fileName=F[&name=N][&encoding=auto|utf-8|windows-1252|latin1], body = the CSV bytes (streamed, never
 * buffered whole) -> 201 { version, sample: { rows, complete } }: version N+1 of the dataset named N (default: the
 * file name) as a draft with inferred column types. Over CHURNOPS_MAX_UPLOAD_MB -> 413 (nothing stored).
 */
export async function POST(req: Request) {
  try {
    requireAdmin(req);
    const q = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const maxBytes = maxUploadBytes();
    const declared = Number(req.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw uploadTooLargeError(maxBytes);
    if (!req.body) throw new AppError("INVALID_INPUT", "The request has no body. To fix: send the CSV file itself as the request body.", 400);
    const body = Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>);
    const result = await createDatasetVersionFromUpload(body, { name: q.name, fileName: q.fileName, encoding: q.encoding, origin: "upload", maxBytes });
    return Response.json(result, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
