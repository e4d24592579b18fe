import { getDb } from "../../../lib/db/client.ts";
import { errorMessage } from "../../../lib/errors.ts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET -> { ok: true, database: "embedded" | "postgres" }, or 503 when the database does not answer. */
export async function GET() {
  try {
    const { pool, engine } = await getDb();
    await pool.query("select 1");
    return Response.json({ ok: true, database: engine }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return Response.json(
      { ok: false, error: "DATABASE_UNAVAILABLE", message: `The database is not reachable (${errorMessage(e)}). Check DATABASE_URL or restart churnops serve.` },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
