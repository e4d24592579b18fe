import { z } from "zod";
import { requireAdmin } from "../../../../../lib/auth/admin-auth.ts";
import { AppError } from "../../../../../lib/errors.ts";
import { errorResponse } from "../../../../../lib/http/route-errors.ts";
import { activeRunForKey } from "../../../../../lib/overview/run-wait.ts";
import { getPipeline } from "../../../../../lib/pipelines/catalog.ts";
import { concurrencyKeyOf } from "../../../../../lib/pipelines/pipeline-definition.ts";
import { startRun } from "../../../../../lib/pipelines/start-run.ts";
import { plainIssue } from "../../../../../lib/ui/param-problem.ts";

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
    const def = getPipeline(id);
    const parsed = def.params.safeParse(body.params ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map(plainIssue);
      const fields = Object.fromEntries(issues.map((i) => [i.field, i.message]));
      const message = `Some parameters of ${id} are not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join(" ")}`;
      return Response.json({ error: "INVALID_INPUT", message, fields }, { status: 400 });
    }
    if (body.ifIdle) {
      const blockingRun = await activeRunForKey(concurrencyKeyOf(def, parsed.data));
      if (blockingRun) return Response.json({ error: "WOULD_QUEUE", message: `Run ${blockingRun.id} is ${blockingRun.status}; a new run would wait for it.`, blockingRun }, { status: 409 });
    }
    const started = await startRun(id, body.params ?? {}, "manual");
    return Response.json(started, { status: 202 });
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
