import { serve } from "inngest/next";
import { functions, inngest } from "../../../inngest/index.ts";
import { getEnv } from "../../../lib/env.ts";
import { InngestEndpointConfigError, inngestEndpointPolicy } from "../../../lib/security/inngest-endpoint-policy.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handlers = serve({ client: inngest, functions });
type Handler = typeof handlers.POST;

/**
 * The Inngest serve endpoint, behind inngestEndpointPolicy: 404 when Inngest is not configured, 500 with the reason
 * when the configuration is unsafe (dev mode off loopback, cloud mode without a signing key). Only a request that
 * passes reaches the SDK, which in cloud mode verifies its signature before running anything.
 */
function guarded(handler: Handler): Handler {
  return (async (req: Request, ctx: unknown) => {
    try {
      const env = getEnv();
      const policy = inngestEndpointPolicy({ env, boundHost: env.CHURNOPS_BOUND_HOST });
      if (!policy.enabled) return Response.json({ error: "NOT_FOUND", message: policy.reason }, { status: 404 });
    } catch (e) {
      if (!(e instanceof InngestEndpointConfigError)) throw e;
      console.error(`/api/inngest refused: ${e.message}`);
      return Response.json({ error: "INNGEST_MISCONFIGURED", message: e.message }, { status: 500 });
    }
    return (handler as (req: Request, ctx: unknown) => Promise<Response>)(req, ctx);
  }) as Handler;
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
export const PUT = guarded(handlers.PUT);
