import { z } from "zod";
import { AppError } from "../../../lib/errors.ts";
import { csvResponse } from "../../../lib/http/csv-response.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";
import { segmentMetricsCsv } from "../../../lib/monitoring-pages/segment-metrics-csv.ts";
import { listSegmentMetrics } from "../../../lib/monitoring-pages/segment-metrics.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const Query = z.object({
  run: z.string().uuid("a scoring run id (a UUID)"),
  segment: z.string().trim().min(1).max(300, "at most 300 characters").optional(),
});

/**
 * GET ?run=<scoring run id>&segment=<column> -> text/csv of the run's realised performance as the /monitoring segment
 * table shows it (the overall row, then every segment, or that column's only); every cell escaped against
 * spreadsheet formulas. 400 with the wrong fields, 404 when the run has no realised metrics (or not that column).
 */
export async function GET(req: Request) {
  try {
    const params = new URL(req.url).searchParams;
    const q = Query.parse({ run: params.get("run") ?? undefined, segment: params.get("segment") || undefined });
    const rows = await listSegmentMetrics(q.run, q.segment);
    if (rows.length === 0 || (q.segment && !rows.some((r) => r.segmentColumn === q.segment))) {
      throw new AppError(
        "NOT_FOUND",
        `Scoring run ${q.run} has no realised performance${q.segment ? ` by "${q.segment}"` : ""}. To fix: pick a run and a segment column on /monitoring (realised metrics appear once labels arrive).`,
      );
    }
    const name = `segment-performance-${q.run.slice(0, 8)}${q.segment ? `-${q.segment.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40)}` : ""}.csv`;
    return csvResponse(segmentMetricsCsv(q.run, rows), name);
  } catch (e) {
    return errorResponse(e);
  }
}
