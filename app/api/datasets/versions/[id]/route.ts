import { AppError } from "../../../../../lib/errors.ts";
import { errorResponse } from "../../../../../lib/http/route-errors.ts";
import { getDatasetVersion } from "../../../../../lib/sources/tabular/dataset-queries.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET -> { version } (columns with inferred/confirmed types, roles, examples, null shares) or 404. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const version = await getDatasetVersion(id);
    if (!version) throw new AppError("NOT_FOUND", `Dataset version ${id} does not exist.`, 404);
    return Response.json({ version }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
