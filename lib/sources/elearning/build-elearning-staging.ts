import { withTransaction } from "../../db/sql.ts";

/** staging.* = raw.* minus the rows the gate rejected, replaced atomically (both tables in one transaction). */
export async function buildElearningStaging(dqRunIds: readonly string[]): Promise<{ users: number; events: number }> {
  return withTransaction(async (client) => {
    await client.query("TRUNCATE staging.elearning_users, staging.elearning_events");
    const copy = async (table: string) => {
      const { rowCount } = await client.query(
        `INSERT INTO staging.${table} SELECT r.* FROM raw.${table} r
          WHERE NOT EXISTS (SELECT 1 FROM dqm.rejects j WHERE j.dq_run_id = ANY($1::uuid[]) AND j.file_id = r.file_id AND j.source_line = r.source_line)`,
        [dqRunIds],
      );
      return rowCount ?? 0;
    };
    return { users: await copy("elearning_users"), events: await copy("elearning_events") };
  });
}
