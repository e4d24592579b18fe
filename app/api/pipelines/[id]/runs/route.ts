import { z } from "zod";
import { requireAdmin } from "../../../../../lib/auth/admin-auth.ts";
import { AppError } from "../../../../../lib/errors.ts";
import { errorResponse } from "../../../../../lib/http/route-errors.ts";
import { startRun } from "../../../../../lib/pipelines/start-run.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const bodySchema = z.object({ params: z.record(z.string(), z.unknown()).optional() });

/** POST { params? } -> 202 { runId, executor }. The pipeline's own schema validates params (400 names the field). */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    requireAdmin(req);
    const { id } = await params;
    const text = await req.text();
    const body = bodySchema.parse(text.trim() === "" ? {} : parseJson(text));
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
