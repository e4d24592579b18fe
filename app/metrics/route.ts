import { renderMetrics } from "../../lib/observability/metrics-registry.ts";
import { guardRequest } from "../../lib/security/request-guard.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /metrics → Prometheus text format. Not public: it names models, pipelines and datasets. With
 * CHURNOPS_ADMIN_TOKEN set, scrape with `authorization: { credentials: <token> }` (bearer); without one the server
 * answers only on loopback, like every data endpoint.
 */
export async function GET(req: Request) {
  const refused = guardRequest(req);
  if (refused) return refused;
  const { text, contentType } = await renderMetrics();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
