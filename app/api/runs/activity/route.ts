import { errorResponse } from "../../../../lib/http/route-errors.ts";
import { runActivity } from "../../../../lib/overview/run-wait.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET -> { active, signature }: whether a run is queued or running, and a value that changes when runs change. */
export async function GET() {
  try {
    return Response.json(await runActivity(), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
