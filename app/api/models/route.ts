import { errorResponse } from "../../../lib/http/route-errors.ts";
import { timedRoute } from "../../../lib/observability/timed-route.ts";
import { listModelsForApi } from "../../../lib/scoring/list-models-for-api.ts";
import { guardRequest } from "../../../lib/security/request-guard.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET [?include=features] → { models: [{ name, dataset, primaryMetric, champion: { version, value }, ..., features? }] }. */
export const GET = timedRoute("/api/models", async (req: Request) => {
  const refused = guardRequest(req);
  if (refused) return refused;
  try {
    const include = new URL(req.url).searchParams.get("include");
    return Response.json(await listModelsForApi({ features: include === "features" }), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
});
