import { withTransaction } from "../../db/sql.ts";

// raw.elearning_* (text, as written) -> staging.elearning_* (typed). Casts are plain because the gate ran first:
// every row whose id, number, date or timestamp would not cast broke a fail-severity expectation of
// elearning-suites.ts and is in dqm.rejects, and rejected rows are skipped here. Ids go through numeric so that
// "54018.0" (an integer in the number grammar) becomes 54018.
const CASTS: Record<"elearning_users" | "elearning_events", string> = {
  elearning_users:
    "r.user_id::numeric::bigint, r.signup_date::date, r.plan, r.is_paid::numeric::smallint, r.country, r.marketing_source, r.engagement_score::float8, r.file_id, r.source_line",
  elearning_events:
    "r.event_id::numeric::bigint, r.user_id::numeric::bigint, r.event_time::timestamp, r.event_type, r.course_id, r.watch_minutes::float8, r.quiz_score::float8, r.amount::float8, r.file_id, r.source_line",
};

/** staging.* = raw.* minus the rows the gate rejected, typed, replaced atomically (both tables in one transaction). */
export async function buildElearningStaging(dqRunIds: readonly string[]): Promise<{ users: number; events: number }> {
  return withTransaction(async (client) => {
    await client.query("TRUNCATE staging.elearning_users, staging.elearning_events");
    const copy = async (table: keyof typeof CASTS) => {
      const { rowCount } = await client.query(
        `INSERT INTO staging.${table} SELECT ${CASTS[table]} FROM raw.${table} r
          WHERE NOT EXISTS (SELECT 1 FROM dqm.rejects j WHERE j.dq_run_id = ANY($1::uuid[]) AND j.file_id = r.file_id AND j.source_line = r.source_line)`,
        [dqRunIds],
      );
      return rowCount ?? 0;
    };
    return { users: await copy("elearning_users"), events: await copy("elearning_events") };
  });
}
