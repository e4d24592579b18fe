import { requireAdmin } from "../../../../../lib/auth/admin-auth.ts";
import { errorResponse } from "../../../../../lib/http/route-errors.ts";
import { cancelRun } from "../../../../../lib/pipelines/start-run.ts";
import { parseRunId } from "../../../../../lib/ui/run-id.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** POST -> 200 { status } ("cancelled" for a queued run, "cancelling" until the running step has stopped); 404 / 409 otherwise. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    requireAdmin(req);
    return Response.json(await cancelRun(parseRunId((await params).id)));
  } catch (e) {
    return errorResponse(e);
  }
}
