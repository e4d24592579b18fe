import path from "node:path";
import { z } from "zod";

// The only reader of process.env. Parsed lazily (not at import) so the CLI can set variables first.
const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  CHURNOPS_HOME: z.string().default(".churnops"),
  CHURNOPS_PGLITE_DIR: z.string().optional(),
  // Minutes the CLI's embedded-database daemon waits with no client before it exits (fractions allowed).
  CHURNOPS_DAEMON_IDLE_MIN: z.coerce.number().positive("CHURNOPS_DAEMON_IDLE_MIN must be a positive number of minutes").default(10),
  // Diagnostics: log each statement that holds the embedded database at least this many ms (unset: off).
  CHURNOPS_EMBEDDED_SLOW_MS: z.coerce.number().int().positive().optional(),
  CHURNOPS_ARTIFACTS_DIR: z.string().optional(),
  CHURNOPS_ADMIN_TOKEN: z.string().min(12, "CHURNOPS_ADMIN_TOKEN must be at least 12 characters").optional(),
  CHURNOPS_SCHEDULER: booleanish.default(true),
  CHURNOPS_MAX_UPLOAD_MB: z.coerce.number().positive("CHURNOPS_MAX_UPLOAD_MB must be a positive number of megabytes").default(1024),
  CHURNOPS_MAX_FIELD_BYTES: z.coerce.number().int().positive("CHURNOPS_MAX_FIELD_BYTES must be a positive number of bytes").default(1 << 20),
  CHURNOPS_WATCH_DIR: z.string().optional(),
  // Where pipelines that notify (crypto-events) POST a JSON summary of each run; unset: they write a log line.
  CHURNOPS_NOTIFY_URL: z.string().url("CHURNOPS_NOTIFY_URL must be an http(s) URL").refine((u) => /^https?:\/\//.test(u), "CHURNOPS_NOTIFY_URL must be an http(s) URL").optional(),
  // A new model version replaces the champion only if its primary metric is at least this much better (same test set).
  CHURN_PROMOTION_MIN_DELTA: z.coerce.number().min(0, "CHURN_PROMOTION_MIN_DELTA must be 0 or more").default(0.005),
  // Trials of the adaptive hyper-parameter search; unset: the fixed grid (8 C values × 3 elastic-net mixes).
  CHURNOPS_HPO_TRIALS: z.coerce.number().int().min(1, "CHURNOPS_HPO_TRIALS must be at least 1").max(500).optional(),
  // Retrain when a load brings new data (data.changed → train-*); 0 keeps training manual and monthly.
  CHURNOPS_TRAIN_ON_DATA_CHANGE: booleanish.default(true),
  // Churn probability from which a scored customer is "high risk" (medium from half of it): scoring, API, what-if.
  CHURNOPS_HIGH_RISK_THRESHOLD: z.coerce.number().gt(0, "CHURNOPS_HIGH_RISK_THRESHOLD must be between 0 and 1").lt(1, "CHURNOPS_HIGH_RISK_THRESHOLD must be between 0 and 1").default(0.7),
  // Top-K customers a scoring run explains and lists on /predictions.
  CHURNOPS_SCORING_TOP_K: z.coerce.number().int().min(1).max(1000).default(50),
  // Share of drifted columns from which a drift check reports dataset drift (FAIL).
  CHURNOPS_DRIFT_SHARE: z.coerce.number().gt(0, "CHURNOPS_DRIFT_SHARE must be in (0, 1]").max(1, "CHURNOPS_DRIFT_SHARE must be in (0, 1]").default(0.5),
  // Daily panels (e-learning): the drift reference is the champion's training rows of its last N as-of days.
  CHURNOPS_DRIFT_REFERENCE_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  // Data-quality PSI check (psi-check-*): the share of the dataset's rows its first run freezes as the baseline sample,
  // and the PSI from which a column fails. Names as in issue 11 (no CHURNOPS_ prefix).
  BASELINE_SHARE: z.coerce.number().gt(0, "BASELINE_SHARE must be in (0, 1]").max(1, "BASELINE_SHARE must be in (0, 1]").default(0.2),
  PSI_THRESHOLD: z.coerce.number().gt(0, "PSI_THRESHOLD must be a positive number").default(0.2),
  // Realised performance: a scored cohort (or segment) whose PR-AUC is below this is flagged on /monitoring.
  PR_AUC_SHADOW_THRESHOLD: z.coerce.number().min(0).max(1).default(0.3),
  // Retrain a model when its drift check FAILs (drift.detected → train-*); off by default: drift usually wants a look first.
  CHURNOPS_RETRAIN_ON_DRIFT: booleanish.default(false),
  // Snapshots kept per staging table, newest first (pinned ones and those a trained model read are kept on top).
  CHURNOPS_SNAPSHOT_RETENTION: z.coerce.number().int("CHURNOPS_SNAPSHOT_RETENTION must be a whole number").min(1, "CHURNOPS_SNAPSHOT_RETENTION keeps at least 1 snapshot").max(10_000).default(5),
  HOST: z.string().default("127.0.0.1"),
  // CPU priority (nice, 0–19) of the local executor's run processes; 0 runs them at the app's own priority.
  CHURNOPS_WORKER_NICE: z.coerce.number().int().min(0, "CHURNOPS_WORKER_NICE must be 0–19").max(19, "CHURNOPS_WORKER_NICE must be 0–19").default(10),
  // How long (ms) the web process reuses a rendered page for identical requests (lib/web/page-cache.ts); 0 = never.
  CHURNOPS_PAGE_CACHE_MS: z.coerce.number().int().min(0, "CHURNOPS_PAGE_CACHE_MS must be 0–60000").max(60_000, "CHURNOPS_PAGE_CACHE_MS must be 0–60000").default(1000),
  CHURNOPS_WORKER_HOST: z.string().default("127.0.0.1"),
  CHURNOPS_WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3030),
  // Set by `churnops serve` for the server it starts: the address it listens on (lib/security reads it).
  CHURNOPS_BOUND_HOST: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  S3_ENDPOINT: z.string().url().optional(),
  S3_PUBLIC_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_PREFIX: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanish.default(true),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  INNGEST_BASE_URL: z.string().url().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")); // empty string = unset
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nTo fix: correct these variables (see .env.example).`);
  }
  cached = parsed.data;
  return cached;
}

/** Forget the parsed env (tests and the CLI change variables at run time). */
export function resetEnvCache(): void {
  cached = undefined;
}

export function churnopsHome(): string {
  return path.resolve(/*turbopackIgnore: true*/ getEnv().CHURNOPS_HOME);
}

export function pgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ getEnv().CHURNOPS_PGLITE_DIR ?? path.join(churnopsHome(), "pglite"));
}

export function artifactsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ getEnv().CHURNOPS_ARTIFACTS_DIR ?? path.join(churnopsHome(), "artifacts"));
}

/** Inngest is "configured" when the app can reach an Inngest server (dev server or self-hosted/cloud). */
export function isInngestConfigured(): boolean {
  const env = getEnv();
  return Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_DEV || env.INNGEST_BASE_URL);
}

export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
