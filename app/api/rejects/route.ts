import { errorResponse } from "../../../lib/http/route-errors.ts";
import { listRejects } from "../../../lib/quality/quality-queries.ts";
import { parseRejectQuery } from "../../../lib/ui/rejects-filters.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET ?source&suite&reasonCode&runId&from&to (YYYY-MM-DD)&page&pageSize ->
 * { rows, total, page, pageSize, countsByReason, options } (newest first); 400 with the wrong fields.
 */
export async function GET(req: Request) {
  try {
    const filter = parseRejectQuery(new URL(req.url).searchParams);
    return Response.json(await listRejects(filter), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
