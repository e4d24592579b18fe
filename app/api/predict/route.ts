import { readJsonBody } from "../../../lib/http/read-json-body.ts";
import { errorResponse } from "../../../lib/http/route-errors.ts";
import { invalidInput } from "../../../lib/http/invalid-input.ts";
import { timedRoute } from "../../../lib/observability/timed-route.ts";
import { predictRows } from "../../../lib/scoring/predict-rows.ts";
import { predictBodySchema } from "../../../lib/scoring/predict-schemas.ts";
import { RowValidationError } from "../../../lib/scoring/rows-to-frame.ts";
import { guardRequest } from "../../../lib/security/request-guard.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** 1000 rows of ~70 features fit; the 64 KiB default of other routes would not. */
const MAX_BODY_CHARS = 4 << 20;
const EXAMPLE = '{"model": "elearning-churn", "row": {"days_since_last_activity": 12, "plan": "free"}}';

/**
 * POST { model?, version?, rows | row, contributions?, asOf? } → 200 { model, version, family, champion, thresholds,
 * predictions: [{ probability, raw, riskBand, expectedValue, contributions }] }. 400 names the field
 * (rows[3].watch_minutes); 404 when there is no such model/version or no champion yet. Reads customer data, so it
 * applies the request guard itself too (token when set, loopback otherwise), not only through proxy.ts.
 */
export const POST = timedRoute("/api/predict", async (req: Request) => {
  const refused = guardRequest(req);
  if (refused) return refused;
  try {
    const parsed = predictBodySchema.safeParse(await readJsonBody(req, EXAMPLE, { maxChars: MAX_BODY_CHARS }));
    if (!parsed.success) return invalidInput(parsed.error);
    return Response.json(await predictRows(parsed.data), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof RowValidationError) {
      return Response.json({ error: e.code, message: e.userMessage, fields: e.fields }, { status: 400, headers: { "cache-control": "no-store" } });
    }
    return errorResponse(e);
  }
});
