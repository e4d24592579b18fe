import { serve } from "inngest/next";
import { functions, inngest } from "../../../inngest/index.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Outside dev mode (INNGEST_SIGNING_KEY set, INNGEST_DEV unset) the SDK rejects unsigned requests with 401.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
