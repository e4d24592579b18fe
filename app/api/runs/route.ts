import { requireAdmin } from "../../../lib/auth/admin-auth.ts";
import { readJsonBody } from "../../../lib/http/read-json-body.ts";
import { invalidInput } from "../../../lib/http/invalid-input.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";
import { timedRoute } from "../../../lib/observability/timed-route.ts";
import { startRunBodySchema } from "../../../lib/pipelines/run-api-schemas.ts";
import { listRuns } from "../../../lib/pipelines/run-queries.ts";
import { requestRun } from "../../../lib/pipelines/request-run.ts";
import { queryObject, runFilterSchema } from "../../../lib/ui/run-filters.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET ?pipelineId&status&page&pageSize -> { runs, total, page, pageSize } (newest first). */
export const GET = timedRoute("/api/runs", async (req: Request) => {
  try {
    const filter = runFilterSchema.parse(queryObject(new URL(req.url).searchParams));
    return Response.json(await listRuns(filter), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
});

/**
 * POST { pipeline, params?, ifIdle? } -> 202 { runId, executor }: the API twin of POST /api/pipelines/<id>/runs
 * (same checks and answers: 400 with `fields` for bad params, 404 for an unknown pipeline, 409 WOULD_QUEUE with
 * ifIdle). Needs the admin token when one is set.
 */
export const POST = timedRoute("/api/runs", async (req: Request) => {
  try {
    requireAdmin(req);
    const parsed = startRunBodySchema.safeParse(await readJsonBody(req, '{"pipeline": "train-elearning", "params": {}}'));
    if (!parsed.success) return invalidInput(parsed.error);
    const answer = await requestRun(parsed.data.pipeline, parsed.data.params, parsed.data.ifIdle);
    return Response.json(answer.body, { status: answer.status });
  } catch (e) {
    return errorResponse(e);
  }
});
