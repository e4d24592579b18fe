import "server-only";
import { activeRunForKey } from "../overview/run-wait.ts";
import { plainIssue } from "../ui/param-problem.ts";
import { getPipeline } from "./catalog.ts";
import { concurrencyKeyOf } from "./pipeline-definition.ts";
import { startRun } from "./start-run.ts";

/** What a run request answers: the status code and the JSON body (both run-starting routes send these as they are). */
export type RunRequestAnswer = { status: 202 | 400 | 409; body: Record<string, unknown> };

/**
 * Starts `pipelineId` with `params` for an HTTP client (POST /api/runs and POST /api/pipelines/<id>/runs): 202 with
 * { runId, executor }; 400 with `fields` (one plain sentence per wrong parameter, checked by the pipeline's own
 * schema); with ifIdle, 409 WOULD_QUEUE naming the queued or running run that holds the same concurrency key.
 * Unknown pipelines throw PIPELINE_NOT_FOUND (404). The caller checks the admin token first.
 */
export async function requestRun(pipelineId: string, rawParams: Record<string, unknown> | undefined, ifIdle = false): Promise<RunRequestAnswer> {
  const def = getPipeline(pipelineId);
  const parsed = def.params.safeParse(rawParams ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map(plainIssue);
    const fields = Object.fromEntries(issues.map((i) => [i.field, i.message]));
    const message = `Some parameters of ${pipelineId} are not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join(" ")}`;
    return { status: 400, body: { error: "INVALID_INPUT", message, fields } };
  }
  if (ifIdle) {
    const blockingRun = await activeRunForKey(concurrencyKeyOf(def, parsed.data));
    if (blockingRun) return { status: 409, body: { error: "WOULD_QUEUE", message: `Run ${blockingRun.id} is ${blockingRun.status}; a new run would wait for it.`, blockingRun } };
  }
  const started = await startRun(pipelineId, rawParams ?? {}, "manual");
  return { status: 202, body: { ...started } };
}
