import { z } from "zod";

/** True when `s` (already YYYY-MM-DD) names a real calendar day, e.g. not 2025-02-30. */
function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// Form fields and CLI --param values arrive as text ("false", "0", "no"; z.coerce.boolean would read "false" as
// true), stored params are re-parsed as booleans. The JSON schema of a transform carries no default, so the help
// text states it.
const flag = z.union([z.boolean(), z.stringbool()]);

/**
 * Parameters of the synthetic marketplace-wallet export (ARCHITECTURE §6.2). The `.describe()` texts are shown as
 * form help.
 */
export const walletSampleParams = z.object({
  buyers: z.coerce
    .number()
    .int()
    .min(10)
    .max(200000)
    .default(40000)
    .describe("Number of labelled buyers in EVALUATE.csv (10–200,000)."),
  seed: z.coerce
    .number()
    .int()
    .default(42)
    .describe("Random seed: the same parameters and seed always give identical files."),
  churnRate: z.coerce
    .number()
    .min(0.05)
    .max(0.95)
    .default(0.6)
    .describe("Share of labelled buyers with churn = 1, i.e. no transaction in the two months after the start date (0.05–0.95)."),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
    .refine(isCalendarDate, "Not a real calendar date")
    .default("2025-01-01")
    .describe("Evaluation date (YYYY-MM-DD): the files describe the three months before it; labels look at the two months after."),
  paymentsPerBuyer: z.coerce
    .number()
    .min(0.5)
    .max(100)
    .default(14)
    .describe("Mean number of PAYMENTS.csv rows per paying buyer over the three months (0.5–100)."),
  includePayments: flag
    .default(true)
    .describe("true/false (default true): write PAYMENTS.csv. Without it every buyer gets in_payments = false."),
  quirks: flag
    .default(true)
    .describe("true/false (default true): write the quirks of real exports: float ids (54018.0), labels 1.0/0.0, mixed-case enums, repeated side rows, unlisted categories, a few broken label rows."),
});

export type WalletSampleParams = z.infer<typeof walletSampleParams>;
