import { errorResponse } from "../../../lib/http/route-errors.ts";
import { listRuns } from "../../../lib/pipelines/run-queries.ts";
import { queryObject, runFilterSchema } from "../../../lib/ui/run-filters.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET ?pipelineId&status&page&pageSize -> { runs, total, page, pageSize } (newest first). */
export async function GET(req: Request) {
  try {
    const filter = runFilterSchema.parse(queryObject(new URL(req.url).searchParams));
    return Response.json(await listRuns(filter), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
