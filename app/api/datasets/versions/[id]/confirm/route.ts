import { requireAdmin } from "../../../../../../lib/auth/admin-auth.ts";
import { AppError } from "../../../../../../lib/errors.ts";
import { errorResponse } from "../../../../../../lib/http/route-errors.ts";
import { confirmInputSchema } from "../../../../../../lib/sources/tabular/datasets.ts";
import { confirmAndStartLoad } from "../../../../../../lib/sources/tabular/start-tabular-load.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * POST { idColumn, targetColumn, positiveValue?, columns?: [{ name, type?, role? }] } -> 202 { runId, executor,
 * version }: confirms the version (target must be binary) and starts its tabular-load run.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    requireAdmin(req);
    const { id } = await params;
    const input = confirmInputSchema.parse(await req.json().catch(() => {
      throw new AppError("INVALID_INPUT", 'The request body is not JSON. Send {"idColumn": "...", "targetColumn": "...", "columns": [{"name": "...", "type": "numeric"}]}.', 400);
    }));
    const { runId, executor, version } = await confirmAndStartLoad(id, input, "manual");
    return Response.json({ runId, executor, version }, { status: 202 });
  } catch (e) {
    return errorResponse(e);
  }
}
