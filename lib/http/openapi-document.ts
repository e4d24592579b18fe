import { z } from "zod";
import { featureSchemaSchema, modelListSchema } from "../registry/model-api-schemas.ts";
import { runListSchema, startedRunSchema, startRunBodySchema } from "../pipelines/run-api-schemas.ts";
import { predictBodySchema, predictResponseSchema } from "../scoring/predict-schemas.ts";
import { RUN_STATUSES } from "../ui/run-status.ts";

// The OpenAPI 3.1 document served at GET /api/openapi.json. Request and response bodies are generated from the same
// zod schemas the routes parse with (z.toJSONSchema, JSON Schema 2020-12, which OpenAPI 3.1 uses as is), so the
// document cannot drift from the code; paths, parameters and auth are written here.

type JsonObject = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  return rest;
}

const errorSchema = z
  .object({
    error: z.string().meta({ description: "machine-readable code: INVALID_INPUT, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, PIPELINE_NOT_FOUND, CONFLICT, WOULD_QUEUE, TOO_LARGE, MODEL_NOT_SCORABLE, ..." }),
    message: z.string().meta({ description: "what happened and what to do, for people" }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "wrong fields by path (rows[3].watch_minutes) with a plain sentence each" }),
  })
  .meta({ title: "Error" });

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const error = (description: string) => ({ description, content: json("Error") });
const guarded = {
  "401": error("CHURNOPS_ADMIN_TOKEN is set and the request has neither `Authorization: Bearer <token>` nor the login cookie."),
  "403": error("No token is set and the server listens on a non-loopback address: it serves no customer data."),
};

export function openApiDocument(opts: { pipelineIds: readonly string[]; version: string }): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "churnops API",
      version: opts.version,
      description:
        "Score customers with the registered churn models, list models and pipeline runs, start pipelines. Authentication: when the server has CHURNOPS_ADMIN_TOKEN, every operation except the public ones (health, this document) needs `Authorization: Bearer <token>` (or the dashboard's login cookie); without a token the server answers only on loopback.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }, {}],
    paths: {
      "/api/predict": {
        post: {
          operationId: "predict",
          summary: "Churn probability, risk band and per-feature contributions for one or many customers",
          description:
            "Rows are checked against the model's feature schema (GET /api/models?include=features): an unknown key or a value of the wrong kind is a 400 naming it (rows[3].watch_minutes). Null or absent values are unknown and get the model's missing-value handling. Contributions are SHAP values on the log-odds scale, summed over one-hot groups: expectedValue + Σ contributions = raw.",
          requestBody: { required: true, content: json("PredictRequest") },
          responses: {
            "200": { description: "One prediction per row, in input order.", content: json("PredictResponse") },
            "400": error("The body or a row does not fit (see `fields`), or several models have a champion and none was named."),
            ...guarded,
            "404": error("No such model or version, or no champion yet."),
            "413": error("The body is larger than 4 MiB."),
            "422": error("The version's artifact cannot score (MODEL_NOT_SCORABLE): retrain it."),
          },
        },
      },
      "/api/models": {
        get: {
          operationId: "listModels",
          summary: "Registered models with their champion version and primary metric",
          parameters: [{ name: "include", in: "query", required: false, schema: { type: "string", enum: ["features"] }, description: "features: add each champion's feature schema" }],
          responses: { "200": { description: "Models by name.", content: json("ModelList") }, ...guarded },
        },
      },
      "/api/runs": {
        get: {
          operationId: "listRuns",
          summary: "Pipeline runs, newest first",
          parameters: [
            { name: "pipelineId", in: "query", required: false, schema: { type: "string", enum: [...opts.pipelineIds] } },
            { name: "status", in: "query", required: false, schema: { type: "string", enum: [...RUN_STATUSES] } },
            { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, default: 1 } },
            { name: "pageSize", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200, default: 25 } },
          ],
          responses: { "200": { description: "One page of runs.", content: json("RunList") }, "400": error("A filter is not valid."), ...guarded },
        },
        post: {
          operationId: "startRun",
          summary: "Start a pipeline run",
          description: `Pipelines: ${opts.pipelineIds.join(", ")}. The pipeline's own schema checks params (see the Pipelines page for each form).`,
          requestBody: { required: true, content: json("StartRunRequest") },
          responses: {
            "202": { description: "The run is queued.", content: json("StartedRun") },
            "400": error("The body or a parameter is not valid (see `fields`)."),
            "401": guarded["401"],
            "404": error("No such pipeline."),
            "409": error("WOULD_QUEUE (with ifIdle): a run with the same concurrency key is queued or running."),
          },
        },
      },
      "/api/health": {
        get: { operationId: "health", summary: "Liveness and database reachability (public)", security: [{}], responses: { "200": { description: "{ ok: true, database }" }, "503": error("The database does not answer.") } },
      },
      "/api/openapi.json": {
        get: { operationId: "openapi", summary: "This document (public: it describes shapes, never data)", security: [{}], responses: { "200": { description: "OpenAPI 3.1" } } },
      },
      "/metrics": {
        get: {
          operationId: "metrics",
          summary: "Prometheus metrics (text exposition format)",
          description: "Request latency, predictions served, pipeline runs by status and duration, champion metrics, latest drift share and max PSI. Protected like the data endpoints: scrape with a bearer token when CHURNOPS_ADMIN_TOKEN is set.",
          responses: { "200": { description: "text/plain; version=0.0.4", content: { "text/plain": { schema: { type: "string" } } } }, ...guarded },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "The server's CHURNOPS_ADMIN_TOKEN." },
        cookieAuth: { type: "apiKey", in: "cookie", name: "churnops_admin", description: "Set by signing in at /login (the dashboard)." },
      },
      schemas: {
        PredictRequest: schemaOf(predictBodySchema, "input"),
        PredictResponse: schemaOf(predictResponseSchema, "output"),
        ModelList: schemaOf(modelListSchema, "output"),
        FeatureSchema: schemaOf(featureSchemaSchema, "output"),
        StartRunRequest: schemaOf(startRunBodySchema, "input"),
        StartedRun: schemaOf(startedRunSchema, "output"),
        RunList: schemaOf(runListSchema, "output"),
        Error: schemaOf(errorSchema, "output"),
      },
    },
  };
}
