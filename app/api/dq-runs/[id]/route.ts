import { z } from "zod";
import { AppError } from "../../../../lib/errors.ts";
import { errorResponse } from "../../../../lib/http/route-errors.ts";
import { getDqRun } from "../../../../lib/quality/quality-queries.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const idSchema = z.string().uuid();

/** GET -> the validation (summary + full SuiteResult); 400 if the id is not a UUID, 404 if there is no such validation. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const raw = (await params).id;
    if (!idSchema.safeParse(raw).success) {
      throw new AppError("INVALID_INPUT", `"${raw.slice(0, 64)}" is not a validation id: ids are UUIDs such as 3f1c2b9e-8d4a-4c1e-9a7b-0e5d6c4b3a21.`, 400);
    }
    const dq = await getDqRun(raw);
    if (!dq) throw new AppError("NOT_FOUND", `Validation ${raw} does not exist.`, 404);
    return Response.json(dq, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
