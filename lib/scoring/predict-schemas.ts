import { z } from "zod";

// The wire shapes of POST /api/predict, as zod schemas: the route parses with them and the OpenAPI document is
// generated from them (z.toJSONSchema), so the two cannot disagree. Feature values are checked per model afterwards
// (rows-to-frame.ts), because which keys and kinds are valid depends on the model.

/** Most rows one request may score (a larger batch belongs to the batch-scoring pipelines). */
export const MAX_PREDICT_ROWS = 1000;

export const featureValueSchema = z
  .union([z.number(), z.string().max(200), z.boolean(), z.null()], { error: "expected a number, text, true/false or null" })
  .meta({ description: "A raw feature value: numbers for numeric features, text for categories, true/false (or 1/0) for booleans, YYYY-MM-DD for dates; null or absent = unknown (the model's missing-value handling applies)." });

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * One row as the envelope checks it: an object. Its keys and values are checked once, against the model's own
 * feature schema (rows-to-frame.ts), which names the field and what that feature accepts; checking every value here
 * as well doubled the validation cost of a request. The document still shows featureValueSchema as the values.
 */
export const featureRowSchema = z
  .custom<Record<string, unknown>>(isPlainObject, { error: "expected an object of feature values" })
  .meta({
    description: "One customer: feature name → raw value. Names and kinds are the model's feature schema (GET /api/models?include=features).",
    example: { days_since_last_activity: 12, plan: "free", watch_minutes_30: 35.5 },
    type: "object",
    additionalProperties: (({ $schema: _, ...value }) => value)(z.toJSONSchema(featureValueSchema)),
  });

export const predictBodySchema = z
  .strictObject({
    model: z.string().min(1).max(100).optional().meta({ description: "Registered model name. Default: the only model with a champion (required when several have one)." }),
    version: z.number().int().positive().optional().meta({ description: "Version of `model` to use. Default: its champion." }),
    rows: z.array(featureRowSchema).min(1, "send at least one row").max(MAX_PREDICT_ROWS, `at most ${MAX_PREDICT_ROWS} rows per request`).optional(),
    row: featureRowSchema.optional().meta({ description: "One row; the same as rows: [row]." }),
    contributions: z.boolean().default(true).meta({ description: "Explain each row: per-feature contributions to the log-odds (SHAP values, one-hot groups summed). Default true." }),
    asOf: z.iso.date().optional().meta({ description: "The day date features are aged at (YYYY-MM-DD). Default: the model's training reference day, else today (UTC)." }),
  })
  .refine((b) => (b.rows === undefined) !== (b.row === undefined), { message: 'send either "rows" (an array) or "row" (one object)', path: ["rows"] })
  .meta({ title: "PredictRequest" });

export type PredictBody = z.infer<typeof predictBodySchema>;

export const riskBandSchema = z.enum(["low", "medium", "high"]).meta({ description: "high: probability ≥ CHURNOPS_HIGH_RISK_THRESHOLD (default 0.7); medium: ≥ half of it; low: below." });

export const predictionSchema = z
  .object({
    probability: z.number().meta({ description: "Churn probability, 0..1." }),
    raw: z.number().meta({ description: "The model's log-odds (margin): probability = 1 / (1 + e^-raw)." }),
    riskBand: riskBandSchema,
    expectedValue: z.number().optional().meta({ description: "Log-odds of the average training customer: raw = expectedValue + Σ contributions." }),
    contributions: z
      .array(z.object({ feature: z.string(), value: z.number() }))
      .optional()
      .meta({ description: "Per original feature, in log-odds, largest |value| first." }),
  })
  .meta({ title: "Prediction" });

export const predictResponseSchema = z
  .object({
    model: z.string(),
    version: z.number().int(),
    family: z.string().meta({ description: "logistic-regression, baseline-logistic or gradient-boosting" }),
    champion: z.boolean().meta({ description: "whether this version is the model's champion" }),
    thresholds: z.object({ medium: z.number(), high: z.number() }),
    predictions: z.array(predictionSchema).meta({ description: "One per input row, in input order." }),
  })
  .meta({ title: "PredictResponse" });

export type PredictResponse = z.infer<typeof predictResponseSchema>;
