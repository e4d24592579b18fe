import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each in its own transaction, recording rows in
 * `_prisma_migrations` exactly as Prisma does (checksum = sha256 of the file) so `prisma migrate status` agrees.
 * Prisma 7's own `migrate deploy` needs a schema-engine download, which fails offline (ARCHITECTURE §5).
 */
export async function applyMigrations(client: pg.ClientBase, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  const { rows } = await client.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const applied: string[] = [];
  for (const name of names) {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = crypto.createHash("sha256").update(sql).digest("hex");
    if (done.has(name)) {
      if (done.get(name) !== checksum) {
        throw new Error(`migration ${name} was modified after it was applied. To fix: add a new migration instead.`);
      }
      continue;
    }
    await client.query("BEGIN");
    try {
      // Two processes may migrate at once (two CLI commands on one daemon). The lock serialises them on Postgres
      // (the embedded engine serialises transactions anyway); whoever comes second finds the row and skips.
      await client.query("SELECT pg_advisory_xact_lock(7212026)");
      const again = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`, [name]);
      if (again.rowCount) {
        await client.query("COMMIT");
        continue;
      }
      await client.query(sql); // simple-query protocol: the whole multi-statement file in one call
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [crypto.randomUUID(), checksum, name],
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw new Error(`migration ${name} failed: ${(e as Error).message}`, { cause: e });
    }
    applied.push(name);
  }
  return { applied, alreadyApplied: names.length - applied.length };
}
