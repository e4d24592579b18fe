import { z } from "zod";
import { requireAdmin } from "../../../../../lib/auth/admin-auth.ts";
import { requestActor } from "../../../../../lib/auth/request-actor.ts";
import { errorResponse } from "../../../../../lib/http/route-errors.ts";
import { readJsonBody } from "../../../../../lib/http/read-json-body.ts";
import { promoteVersion } from "../../../../../lib/registry/promote-version.ts";
import { forgetResolvedVersions } from "../../../../../lib/scoring/resolved-versions.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const bodySchema = z.object({ version: z.number().int().positive(), reason: z.string().max(2000).optional() });

/** POST { version, reason? } -> 200 ChampionChange; 401 without the admin session, 404 unknown model/version, 409 already champion. */
export async function POST(req: Request, { params }: { params: Promise<{ name: string }> }) {
  try {
    requireAdmin(req);
    const body = bodySchema.parse(await readJsonBody(req, '{"version": 3, "reason": "why"}'));
    const change = await promoteVersion((await params).name, body.version, { actor: requestActor(req), reason: body.reason });
    forgetResolvedVersions(); // /api/predict uses the new champion from the next request on
    return Response.json(change);
  } catch (e) {
    return errorResponse(e);
  }
}
