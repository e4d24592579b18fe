/** The staging tables each source's build replaces; a run's snapshot copies these (tabular tables are per version). */
export const STAGING_TABLES: Readonly<Record<string, readonly string[]>> = {
  elearning: ["staging.elearning_users", "staging.elearning_events"],
  wallet: ["staging.wallet_buyers", "staging.wallet_payments"],
};

/** The staging tables of the source the suites validate (gate-steps passes its suites). */
export function stagingTablesOf(suites: readonly { source: string }[]): readonly string[] {
  const source = suites[0]?.source;
  const tables = source ? STAGING_TABLES[source] : undefined;
  if (!tables) throw new Error(`no staging tables are registered for source "${source}" (lib/lineage/staging-tables.ts)`);
  return tables;
}

/**
 * Working tables a source's load run empties once the run's snapshots hold its valid rows (decision 017). The files
 * stay in the artifact store (sha256-checked), rejected rows stay in dqm.rejects with their values, and the valid
 * rows stay in the run's snapshots (snapshotOf), which is what features, training, scoring and PSI read; raw.* and
 * staging.* only carry rows from one step of the load to the next. Kept, they were two more copies of the events:
 * 75 + 73 MB of the 371 MB embedded folder for a 31 MB events file. The wallet's tables are small and
 * staging.wallet_buyers feeds the Overview, so they keep their rows.
 */
export const RELEASED_AFTER_SNAPSHOT: Readonly<Record<string, readonly string[]>> = {
  elearning: ["raw.elearning_users", "raw.elearning_events", "staging.elearning_users", "staging.elearning_events"],
};
