import { isRequestAuthorized } from "../../../../lib/auth/admin-auth.ts";
import { AppError } from "../../../../lib/errors.ts";
import { errorResponse } from "../../../../lib/http/route-errors.ts";
import { getRunView } from "../../../../lib/overview/run-view.ts";
import { parseRunId } from "../../../../lib/ui/run-id.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET -> RunView (RunDetail with steps, the run it waits behind, its validations and rejected-row count); 400 if the
 * id is not a UUID, 404 { error: "RUN_NOT_FOUND" } if there is no such run. The stack trace only for an admin.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = parseRunId((await params).id);
    const run = await getRunView(id, { withStack: isRequestAuthorized(req) });
    if (!run) throw new AppError("RUN_NOT_FOUND", `Run ${id} does not exist.`, 404);
    return Response.json(run, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
