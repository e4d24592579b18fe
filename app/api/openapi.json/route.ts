import { openApiDocument } from "../../../lib/http/openapi-document.ts";
import { pipelines } from "../../../lib/pipelines/catalog.ts";
import packageJson from "../../../package.json" with { type: "json" };

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET → the OpenAPI 3.1 document of the API (public, like /api/health: it holds shapes, no customer data). */
export function GET() {
  return Response.json(openApiDocument({ pipelineIds: pipelines.map((p) => p.id), version: packageJson.version }), { headers: { "cache-control": "public, max-age=300" } });
}
