import { AppError } from "../../../../lib/errors.ts";
import { errorResponse } from "../../../../lib/http/route-errors.ts";
import { getRunDetail } from "../../../../lib/pipelines/run-queries.ts";
import { parseRunId } from "../../../../lib/ui/run-id.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET -> RunDetail (with steps); 400 if the id is not a UUID, 404 { error: "RUN_NOT_FOUND" } if there is no such run. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = parseRunId((await params).id);
    const run = await getRunDetail(id);
    if (!run) throw new AppError("RUN_NOT_FOUND", `Run ${id} does not exist.`, 404);
    return Response.json(run, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
