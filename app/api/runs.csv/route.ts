import { csvResponse } from "../../../lib/http/csv-response.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";
import { listRuns, type RunSummary } from "../../../lib/pipelines/run-queries.ts";
import { queryObject, runFilterSchema } from "../../../lib/ui/run-filters.ts";
import { runsToCsv } from "../../../lib/ui/runs-csv.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const MAX_ROWS = 10_000;
const BATCH = 200; // listRuns' largest page

/** GET ?pipelineId&status -> text/csv of the matching runs (newest first, at most 10,000). */
export async function GET(req: Request) {
  try {
    const { pipelineId, status } = runFilterSchema.parse(queryObject(new URL(req.url).searchParams));
    const runs: RunSummary[] = [];
    for (let page = 1; runs.length < MAX_ROWS; page++) {
      const batch = await listRuns({ pipelineId, status, page, pageSize: BATCH });
      runs.push(...batch.runs);
      if (batch.runs.length < BATCH) break;
    }
    return csvResponse(runsToCsv(runs.slice(0, MAX_ROWS)), "runs.csv");
  } catch (e) {
    return errorResponse(e);
  }
}
