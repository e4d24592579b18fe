import { csvResponse } from "../../../lib/http/csv-response.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";
import { iterateRejects } from "../../../lib/quality/quality-queries.ts";
import { rejectsCsvStream } from "../../../lib/ui/rejects-csv.ts";
import { parseRejectQuery } from "../../../lib/ui/rejects-filters.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const BATCH = 2000;

/**
 * GET ?source&suite&reasonCode&runId&from&to -> text/csv of ALL matching rejects (oldest first), streamed batch by
 * batch; every cell escaped against spreadsheet formulas. 400 with the wrong fields.
 */
export async function GET(req: Request) {
  try {
    const { page: _page, pageSize: _pageSize, ...filter } = parseRejectQuery(new URL(req.url).searchParams);
    const body = rejectsCsvStream(iterateRejects(filter, BATCH), (e) => console.error("rejects.csv: the download stopped early:", e));
    return csvResponse(body, "rejects.csv");
  } catch (e) {
    return errorResponse(e);
  }
}
