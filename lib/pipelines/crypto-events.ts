import { z } from "zod";
import { recordStagingOutputs } from "../lineage/index.ts";
import { runDataGate } from "../quality/data-gate.ts";
import { receiveHistory, windowBatches } from "../sources/crypto/append-history.ts";
import { buildCandidate } from "../sources/crypto/build-candidate.ts";
import { CANDIDATE_TABLE, CRYPTO_PIPELINE_ID, EVENTS_TABLE, HISTORY_TABLE, WINDOW_DAYS } from "../sources/crypto/crypto-contract.ts";
import { cryptoEventsParams } from "../sources/crypto/crypto-params.ts";
import { rawHistorySuite, stagingCandidateSuite } from "../sources/crypto/crypto-suites.ts";
import { cryptoWindow, utcDay } from "../sources/crypto/crypto-window.ts";
import { BAD_ROW_KINDS } from "../sources/crypto/generate-crypto-day.ts";
import { pointWindowView } from "../sources/crypto/history-window.ts";
import { mergeCandidate, vacuumEvents } from "../sources/crypto/merge-events.ts";
import { notifyRun } from "./notify-run.ts";
import { definePipeline, defineStep, type StepContext } from "./pipeline-definition.ts";
import { gateSummaryOutput } from "./step-outputs.ts";

// Validate-before-load ETL of crypto purchases (ARCHITECTURE §6.4, docs/decisions/011-crypto-etl.md): receive the
// window's daily batches, validate the raw rows, build the typed candidate, validate it, and only then merge into
// production in one transaction. A failed suite throws DataGateError (run "failed: data gate", CLI exit 2) before
// the merge, so production is untouched.

export const CRYPTO_EVENTS = CRYPTO_PIPELINE_ID;

type Ctx = StepContext<z.infer<typeof cryptoEventsParams>>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const windowOutput = z.object({ start: day, end: day, days: z.array(day) });

const receiveHistoryStep = defineStep({
  id: "receive-history",
  title: "Receive the daily batches",
  output: z.object({
    window: windowOutput,
    received: z.array(z.object({ day, key: z.string(), rows: z.number().int(), bad: z.record(z.enum(BAD_ROW_KINDS), z.number().int()) })),
    batches: z.array(z.object({ day, rows: z.number().int(), key: z.string().nullable() })),
    windowRows: z.number().int(),
  }),
  async run({ runId, params, signal, progress }: Ctx) {
    // Fixed here, once: later steps (memoised under Inngest) read it, so a run crossing midnight keeps one window.
    const window = cryptoWindow(params.asOf ?? utcDay(new Date()));
    const received = await receiveHistory(runId, window, { ...params, signal, onProgress: progress });
    const batches = await windowBatches(runId, window);
    return {
      window,
      received: received.map(({ day: d, key, rows, bad }) => ({ day: d, key, rows, bad })),
      batches: batches.map(({ day: d, rows, key }) => ({ day: d, rows, key })),
      windowRows: batches.reduce((a, b) => a + b.rows, 0),
    };
  },
});

const validateRawHistory = defineStep({
  id: "validate-raw-history",
  title: "Validate raw history (raw_history)",
  output: gateSummaryOutput,
  async run({ runId, output, progress }: Ctx) {
    progress(0, "validating the window's raw rows");
    const view = await pointWindowView(output(receiveHistoryStep).window);
    // Read through the window's view; results and rejects are recorded under the history table.
    return runDataGate([rawHistorySuite], runId, { tables: { [HISTORY_TABLE]: view } });
  },
});

const buildCandidateStep = defineStep({
  id: "build-candidate",
  title: "Build the staging candidate",
  output: z.object({ table: z.string(), rows: z.number().int(), rejectedRows: z.number().int(), windowRows: z.number().int(), checksum: z.string() }),
  async run({ runId, output, progress, signal }: Ctx) {
    progress(0, "parsing dates and computing purchase values");
    const built = await buildCandidate(output(receiveHistoryStep).window, output(validateRawHistory).dqRunIds);
    const [snapshot] = await recordStagingOutputs(runId, [CANDIDATE_TABLE], { signal }); // per-run snapshot + lineage
    return { ...built, checksum: snapshot!.checksum };
  },
});

const validateCandidate = defineStep({
  id: "validate-candidate",
  title: "Validate candidate (staging_candidate)",
  output: gateSummaryOutput,
  async run({ runId, output, progress }: Ctx) {
    progress(0, "validating the typed candidate");
    return runDataGate([stagingCandidateSuite(output(receiveHistoryStep).window)], runId);
  },
});

const mergeOutput = z.object({
  table: z.string(),
  validRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deactivated: z.number().int(),
  activeRows: z.number().int(),
  inactiveRows: z.number().int(),
  checksum: z.string(),
});

const mergeStep = defineStep({
  id: "merge-production",
  title: "Merge into production",
  output: mergeOutput,
  async run({ runId, output, progress }: Ctx) {
    progress(0, `upserting into ${EVENTS_TABLE} and deactivating vanished rows, in one transaction`);
    const merged = await mergeCandidate(runId, output(receiveHistoryStep).window, output(validateCandidate).dqRunIds);
    return { table: EVENTS_TABLE, ...merged };
  },
});

const vacuumStep = defineStep({
  id: "vacuum-analyze",
  title: "VACUUM ANALYZE production",
  output: z.object({ vacuumed: z.boolean(), note: z.string() }),
  run: () => vacuumEvents(),
});

const notifyStep = defineStep({
  id: "notify",
  title: "Notify",
  output: z.object({ delivered: z.boolean(), note: z.string() }),
  async run({ runId, output, signal }: Ctx) {
    const { window } = output(receiveHistoryStep);
    const merged = output(mergeStep);
    const suites = [...output(validateRawHistory).suites, ...output(validateCandidate).suites].map((s) => ({ suite: s.suite, status: s.status, rowCount: s.rowCount, rejectedRows: s.rejectedRows }));
    const summary = `window ${window.start}..${window.end}: ${merged.inserted} inserted, ${merged.updated} updated, ${merged.deactivated} deactivated; ${suites.map((s) => `${s.suite} ${s.status} (${s.rejectedRows} rejected)`).join(", ")}`;
    return notifyRun({ pipeline: CRYPTO_EVENTS, runId, summary, window, merge: merged, suites }, signal);
  },
});

export const cryptoEvents = definePipeline({
  id: CRYPTO_EVENTS,
  title: "Crypto purchase events",
  description:
    `Receives the seeded faker's daily batches of crypto purchases into ${HISTORY_TABLE} (forward-only: only days after the newest one), validates the rolling ${WINDOW_DAYS}-day window with the raw_history suite, rebuilds ${CANDIDATE_TABLE} (regex-guarded dates, purchase_value = price × units), validates it with the staging_candidate suite, and only then merges it into ${EVENTS_TABLE} in one transaction (INSERT … ON CONFLICT, vanished rows deactivated, never deleted). Then VACUUM ANALYZE (real Postgres) and a notification (CHURNOPS_NOTIFY_URL, or a log line).`,
  params: cryptoEventsParams,
  schedule: "15 3 * * *",
  retries: 2,
  steps: [receiveHistoryStep, validateRawHistory, buildCandidateStep, validateCandidate, mergeStep, vacuumStep, notifyStep],
});
