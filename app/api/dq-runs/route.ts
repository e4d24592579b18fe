import { errorResponse } from "../../../lib/http/route-errors.ts";
import { listDqRuns } from "../../../lib/quality/quality-queries.ts";
import { dqRunFilterSchema } from "../../../lib/ui/dq-filters.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET ?source&suite&page&pageSize -> { runs, total, page, pageSize } (newest first); 400 with the wrong fields. */
export async function GET(req: Request) {
  try {
    const filter = dqRunFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams.entries()));
    return Response.json(await listDqRuns(filter), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
