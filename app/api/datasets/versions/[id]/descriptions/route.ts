import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import { requireAdmin } from "../../../../../../lib/auth/admin-auth.ts";
import { AppError } from "../../../../../../lib/errors.ts";
import { errorResponse } from "../../../../../../lib/http/route-errors.ts";
import { attachDescriptions } from "../../../../../../lib/sources/tabular/datasets.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const querySchema = z.object({ fileName: z.string().trim().min(1).max(255).default("descriptions.csv") });

/** PUT ?fileName=F, body = a data-descriptions CSV (Field,Description) -> 200 { version } with descriptions attached. */
export async function PUT(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    requireAdmin(req);
    const { id } = await params;
    const q = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    if (!req.body) throw new AppError("INVALID_INPUT", "The request has no body. To fix: send the descriptions CSV as the request body.", 400);
    const body = Readable.fromWeb(req.body as unknown as NodeReadableStream<Uint8Array>);
    return Response.json({ version: await attachDescriptions(id, { fileName: q.fileName, body }) });
  } catch (e) {
    return errorResponse(e);
  }
}
