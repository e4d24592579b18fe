import { AppError } from "../../../lib/errors.ts";
import { csvResponse } from "../../../lib/http/csv-response.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";
import { parsePredictionQuery } from "../../../lib/predictions/prediction-filters.ts";
import { predictionsTableCsvStream } from "../../../lib/predictions/predictions-table-csv.ts";
import { iterateRunPredictions } from "../../../lib/predictions/run-predictions.ts";
import { getScoringRun } from "../../../lib/predictions/scoring-runs.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const BATCH = 5000;

/**
 * GET ?run=<scoring run id>&band&q -> text/csv of every customer of the run matching the /predictions table's filters,
 * in rank order, with the three reasons as columns; streamed batch by batch, every cell escaped against spreadsheet
 * formulas. 400 with the wrong fields, 404 for an unknown run. (The run's full list as scored is its csv_key artifact.)
 */
export async function GET(req: Request) {
  try {
    const q = parsePredictionQuery(new URL(req.url).searchParams);
    if (!q.run) throw new AppError("INVALID_INPUT", "Say which scoring run: ?run=<id> (the run ids are on /predictions).", 400);
    const run = await getScoringRun(q.run);
    if (!run) throw new AppError("NOT_FOUND", `There is no scoring run ${q.run}. To fix: pick a run on /predictions.`, 404);
    const body = predictionsTableCsvStream(iterateRunPredictions({ runId: run.runId, band: q.band, q: q.q }, BATCH), (e) => console.error("predictions.csv: the download stopped early:", e));
    const name = `predictions-${run.runId.slice(0, 8)}${q.band ? `-${q.band}` : ""}${q.q ? "-search" : ""}.csv`;
    return csvResponse(body, name);
  } catch (e) {
    return errorResponse(e);
  }
}
