import { describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { getArtifactStore } from "../storage/default-artifact-store.ts";
import { runLocally } from "./local-executor.ts";
import { getRunDetail, type RunDetail } from "./run-queries.ts";
import { startRun } from "./start-run.ts";
import { runInline } from "./testing.ts";
import { forgetModel } from "../registry/testing.ts";
import { exitCodeOf } from "../cli/follow-run.ts";

const run = runInline;

type Col = { column: string; test: string; statistic: number; drifted: boolean; psi: number | null; psi_status: string | null };
const columnsOf = (runId: string) => query<Col>(`SELECT "column", test, statistic, drifted, psi, psi_status FROM monitoring.drift_columns WHERE run_id = $1 ORDER BY "column"`, [runId]);

describe("drift pipelines (local executor)", () => {
  it("drift-elearning compares the scored day with the training rows, and a shifted column (watch minutes × 50) FAILs with a report and an event", async () => {
    await forgetModel("elearning-churn"); // other files train it too
    const load = await run("elearning-sample", { users: 150, days: 120, seed: 31 });
    await run("train-elearning", { sourceRunId: load.id });
    await run("score-elearning", { sourceRunId: load.id, topK: 5 });
    // Unchanged data: whatever the other columns do (a month passes between the training rows and the scored day),
    // the watch-minutes columns are not flagged; tenure is not tested at all (it grows with the calendar).
    const first = await run("drift-elearning", {}, "finished");
    const summary = first.steps.find((s) => s.stepId === "compare")!.output as { columns: number; skipped: string[] };
    expect(summary.skipped).toEqual(["days_since_signup"]);
    const baseline = await columnsOf(first.id);
    expect(baseline.length).toBe(summary.columns);
    expect(baseline.map((c) => c.column)).not.toContain("days_since_signup");
    const before = baseline.find((c) => c.column === "watch_minutes")!;
    expect(before.drifted).toBe(false);
    expect(before.psi_status).not.toBe("fail");

    // Inject a shift into the scored day's features and score again: the same rows, watch minutes × 50.
    await query(
      `UPDATE features.elearning_user_day SET watch_minutes = watch_minutes * 50, watch_minutes_7 = watch_minutes_7 * 50, watch_minutes_14 = watch_minutes_14 * 50, watch_minutes_30 = watch_minutes_30 * 50
        WHERE source_run_id = $1 AND as_of = (SELECT max(as_of) FROM features.elearning_user_day WHERE source_run_id = $1)`,
      [load.id],
    );
    await run("score-elearning", { sourceRunId: load.id, topK: 5 });
    const shifted = await run("drift-elearning", {}, "failed");
    expect(shifted.failureKind).toBe("data_gate");
    expect(exitCodeOf(shifted)).toBe(2);
    expect(shifted.errorMessage).toMatch(/^Drift FAIL on elearning: .*To fix: open the drift report/);
    const cols = await columnsOf(shifted.id);
    const watch = cols.find((c) => c.column === "watch_minutes")!;
    expect(watch.drifted).toBe(true);
    expect(watch.psi_status).toBe("fail");
    const [dr] = await query<{ status: string; report_key: string }>("SELECT status, report_key FROM monitoring.drift_runs WHERE run_id = $1", [shifted.id]);
    expect(dr!.status).toBe("fail");
    const html = (await getArtifactStore().getBuffer(dr!.report_key)).toString("utf8");
    expect(html).toContain("watch_minutes");
    const events = await query<{ name: string; data: { status: string; dataset: string } }>("SELECT name, data FROM ops.outbox_events WHERE run_id = $1", [shifted.id]);
    expect(events.map((e) => [e.name, e.data.dataset, e.data.status])).toEqual([["churnops/drift.detected", "elearning", "fail"]]);
  });
});
