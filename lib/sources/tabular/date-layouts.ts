import type { DateFormat } from "../../quality/expectation-types.ts";

// Which date layouts type inference tries. The layouts and the calendar rule themselves are lib/values/date-grammar's
// (shared with the loader, the data gate and staging).

/**
 * Date layouts tried, in order of preference (lib/quality's DateFormat). DD/MM/YYYY is preferred over MM/DD/YYYY
 * when every value fits both (all days <= 12); both stay listed in `dateFormats` so a user can pick the other.
 * YYYYMMDD is never inferred: 8-digit values are numbers first.
 */
export const INFERRED_DATE_FORMATS: readonly DateFormat[] = [
  "YYYY-MM-DD", "YYYY-MM-DDTHH:MI:SS", "YYYY-MM-DD HH:MI:SS", "DD/MM/YYYY", "MM/DD/YYYY", "DD-MM-YYYY", "YYYY/MM/DD",
];

export { matchesDateFormat } from "../../values/date-grammar.ts";
