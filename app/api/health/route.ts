import { pingDatabase } from "../../../lib/db/client.ts";
import { errorMessage } from "../../../lib/errors.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET -> { ok: true, database: "embedded" | "postgres" }, or 503 when the database does not answer. */
export async function GET() {
  try {
    const engine = await pingDatabase();
    return Response.json({ ok: true, database: engine }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    // The cause (host, user) goes to the server log only: this route answers anyone.
    console.error(`health: database unreachable: ${errorMessage(e)}`);
    return Response.json(
      { ok: false, error: "DATABASE_UNAVAILABLE", message: "The database is not reachable. Check DATABASE_URL (or restart churnops serve) and see the server log for the cause." },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
