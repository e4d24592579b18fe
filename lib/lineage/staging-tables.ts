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
