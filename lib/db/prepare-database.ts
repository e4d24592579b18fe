import fs from "node:fs";
import { getPool } from "./client.ts";
import { applyMigrations, MIGRATIONS_DIR, type MigrationResult } from "./migrate.ts";

/**
 * Applies pending migrations (one connection, one transaction per migration). The embedded engine is migrated
 * automatically on first use (zero setup); real Postgres only by `churnops db migrate` or the demo command.
 */
export async function migrateDatabase(): Promise<MigrationResult> {
  const { pool } = await getPool();
  const client = await pool.connect();
  try {
    return await applyMigrations(client);
  } finally {
    client.release();
  }
}

export async function pendingMigrations(): Promise<string[]> {
  const { pool } = await getPool();
  const names = fs.readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const exists = await pool.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
  if (!exists.rows[0].t) return names.sort();
  const { rows } = await pool.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
  const done = new Set(rows.map((r) => r.migration_name));
  return names.filter((n) => !done.has(n)).sort();
}

export async function ensureSchemaReady(): Promise<void> {
  const db = await getPool();
  if (db.engine === "embedded") {
    await migrateDatabase();
    return;
  }
  const pending = await pendingMigrations();
  if (pending.length) {
    throw new Error(`The database has ${pending.length} pending migration(s) (${pending.join(", ")}). To fix: run \`npx churnops db migrate\`.`);
  }
}
