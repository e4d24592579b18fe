import { z } from "zod";
import { isIsoDate } from "../../values/date-grammar.ts";

/**
 * Parameters of a crypto-events run. Values arrive from forms and the CLI as text (hence z.coerce); an empty as-of
 * from a form means "today". The faker only uses rowsPerDay, badRate and seed for days it generates now: days
 * already received keep the rows they were generated with.
 */
export const cryptoEventsParams = z.object({
  asOf: z
    .preprocess((v) => (v === "" ? undefined : v), z.string().refine(isIsoDate, "Use a real calendar day written YYYY-MM-DD").optional())
    .describe("Last day of the rolling 5-day window (YYYY-MM-DD, UTC). Empty: today."),
  rowsPerDay: z.coerce.number().int().min(10).max(50_000).default(200).describe("Rows the faker generates for each new day (10–50,000)."),
  badRate: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.03)
    .describe("Share of generated rows that are bad on purpose (0–1): unparseable or future dates, negative prices or units, unknown crypto types, duplicates."),
  seed: z.coerce.number().int().default(42).describe("Random seed: the same seed always gives a day the same rows."),
});

export type CryptoEventsParams = z.infer<typeof cryptoEventsParams>;
