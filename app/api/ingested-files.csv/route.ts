import { z } from "zod";
import { csvResponse } from "../../../lib/http/csv-response.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";
import { listIngestedFiles, type IngestedFileView } from "../../../lib/sources/raw-data-queries.ts";
import { ingestedFilesToCsv } from "../../../lib/ui/ingested-files-csv.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const MAX_ROWS = 50_000;
const BATCH = 1000;
const query = z.object({ source: z.string().max(100).optional() });

/** GET ?source -> text/csv of the ingested files (newest first, at most 50,000). */
export async function GET(req: Request) {
  try {
    const { source } = query.parse({ source: new URL(req.url).searchParams.get("source") || undefined });
    const files: IngestedFileView[] = [];
    for (let page = 1; files.length < MAX_ROWS; page++) {
      const batch = await listIngestedFiles({ source, page, pageSize: BATCH });
      files.push(...batch.files);
      if (batch.files.length < BATCH) break;
    }
    return csvResponse(ingestedFilesToCsv(files.slice(0, MAX_ROWS)), "ingested-files.csv");
  } catch (e) {
    return errorResponse(e);
  }
}
