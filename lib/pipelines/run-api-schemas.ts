import { z } from "zod";
import { RUN_STATUSES } from "../ui/run-status.ts";

// Wire shapes of GET/POST /api/runs for the route and the OpenAPI document (lib/http/openapi-document.ts).

export const startRunBodySchema = z
  .object({
    pipeline: z.string().min(1).max(100).regex(/^[a-z0-9-]+$/, "pipeline ids are lowercase letters, digits and -").meta({ description: "Pipeline id, e.g. train-elearning (GET /api/openapi.json lists them)." }),
    params: z.record(z.string(), z.unknown()).optional().meta({ description: "The pipeline's parameters (checked by its own schema); omitted = its defaults." }),
    ifIdle: z.boolean().optional().meta({ description: "Answer 409 WOULD_QUEUE instead of queuing behind a run holding the same concurrency key." }),
  })
  .meta({ title: "StartRunRequest" });

export const startedRunSchema = z
  .object({ runId: z.string().uuid(), executor: z.enum(["inngest", "local"]) })
  .meta({ title: "StartedRun", description: "The run was created (queued); follow it at GET /api/runs/{runId}." });

export const runSummarySchema = z
  .object({
    id: z.string().uuid(),
    pipelineId: z.string(),
    status: z.enum(RUN_STATUSES),
    trigger: z.string(),
    executor: z.string(),
    createdAt: z.string().meta({ format: "date-time" }),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    progress: z.number(),
    progressMessage: z.string().nullable(),
    failureKind: z.string().nullable(),
    errorMessage: z.string().nullable(),
  })
  .meta({ title: "RunSummary" });

export const runListSchema = z
  .object({ runs: z.array(runSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ title: "RunList" });
