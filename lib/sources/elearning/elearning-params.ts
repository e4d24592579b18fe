import { z } from "zod";

/** True when `s` (already YYYY-MM-DD) names a real calendar day, e.g. not 2025-02-30. */
function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Generation is synchronous and in memory (about 2 events per user-day, ~64 bytes each), so a cap keeps a run
 * cancellable and its worker small: 3,000,000 user-days is about 6 million events, ~400 MB of CSV.
 */
export const MAX_USER_DAYS = 3_000_000;

/**
 * Parameters of the synthetic e-learning churn dataset. Values arrive from forms and
 * query strings as text, hence `z.coerce`; the `.describe()` texts are shown as form help.
 */
export const elearningSampleParams = z.object({
  users: z.coerce
    .number()
    .int()
    .min(10)
    .max(200000)
    .default(2000)
    .describe("Number of users to generate (10–200,000)."),
  days: z.coerce
    .number()
    .int()
    .min(31)
    .max(730)
    .default(120)
    .describe("Length of the event window in days, starting at the start date (31–730)."),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
    .refine(isCalendarDate, "Not a real calendar date")
    .default("2025-01-01")
    .describe("First day of the event window (YYYY-MM-DD). Most users sign up before it."),
  seed: z.coerce
    .number()
    .int()
    .default(42)
    .describe("Random seed: the same parameters and seed always give identical files."),
  paidRatio: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.35)
    .describe("Share of users on a paid plan (0–1); paid users are billed monthly."),
  churnRate: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.35)
    .describe("Share of users who churn inside the window and then go silent (0–1)."),
}).refine((p) => p.users * p.days <= MAX_USER_DAYS, {
  message: `users × days must be at most ${MAX_USER_DAYS.toLocaleString("en")} (the sample is generated in memory)`,
  path: ["users"],

});

export type ElearningSampleParams = z.infer<typeof elearningSampleParams>;
