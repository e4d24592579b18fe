import { z } from "zod";
import { requireAdmin } from "../../../../../lib/auth/admin-auth.ts";
import { AppError } from "../../../../../lib/errors.ts";
import { errorResponse } from "../../../../../lib/http/route-errors.ts";
import { requestRun } from "../../../../../lib/pipelines/request-run.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const bodySchema = z.object({
  params: z.record(z.string(), z.unknown()).optional(),
  /** The dashboard's form: answer 409 WOULD_QUEUE instead of queuing behind a run holding the same key. */
  ifIdle: z.boolean().optional(),
});

/**
 * POST { params?, ifIdle? } -> 202 { runId, executor }. The pipeline's own schema validates params: 400 with
 * `fields` (one plain sentence per wrong field). With ifIdle, 409 { error: "WOULD_QUEUE", blockingRun } when a run
 * with the same concurrency key is queued or running (the form asks, then posts again without ifIdle).
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    requireAdmin(req);
    const { id } = await params;
    const text = await req.text();
    const body = bodySchema.parse(text.trim() === "" ? {} : parseJson(text));
    const answer = await requestRun(id, body.params, body.ifIdle);
    return Response.json(answer.body, { status: answer.status });
  } catch (e) {
    return errorResponse(e);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", 'The request body is not JSON. Send {"params": {"name": value}} or an empty body for the defaults.', 400);
  }
}
