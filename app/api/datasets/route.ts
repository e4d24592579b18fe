import { errorResponse } from "../../../lib/http/route-errors.ts";
import { listDatasets } from "../../../lib/sources/tabular/dataset-queries.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET -> { datasets: [{ id, slug, name, idColumn, targetColumn, createdAt, versions: [{ id, version, status, ... }] }] } */
export async function GET() {
  try {
    return Response.json({ datasets: await listDatasets() }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
