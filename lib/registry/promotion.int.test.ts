import { afterAll, describe, expect, it } from "vitest";
import { query } from "../db/sql.ts";
import { applyPromotionDecision } from "./apply-promotion-decision.ts";
import { decidePromotion } from "./decide-promotion.ts";
import { promoteVersion, rollbackModel } from "./promote-version.ts";
import { getChampion, getModel, getModelVersion, listModels } from "./queries.ts";
import { saveModelVersion } from "./save-model-version.ts";
import { outboxEmit, outboxOf, settleOutbox, trainingRun, versionInput } from "./testing.ts";

afterAll(settleOutbox); // leave no pending event for the next file's dispatcher

const MIN = 0.005;

/** One training run: register the version, then decide against the champion scored on "the same test set". */
async function train(model: string, testMetric: number, championOnSameTestSet: number | null, opts: { primaryMetric?: string } = {}) {
  const run = await trainingRun();
  const primaryMetric = opts.primaryMetric ?? "roc_auc";
  const saved = await saveModelVersion(versionInput(model, run, { primaryMetric, metrics: { [primaryMetric]: testMetric } }), { emit: outboxEmit(run) });
  const champion = await getChampion(model);
  const decision = decidePromotion({ primaryMetric, candidate: testMetric, champion: champion ? championOnSameTestSet : null, minDelta: MIN });
  const outcome = await applyPromotionDecision({ model, version: saved.version, decision, championVersion: champion?.version ?? null, runId: run, emit: outboxEmit(run) });
  return { run, saved, outcome };
}

const auditOf = async (model: string) => (await getModel(model))!.audit.slice().reverse();
const promotedEvents = async (run: string) => (await outboxOf(run)).filter((e) => e.name === "churnops/model.promoted").map((e) => e.data);

describe("the promotion decision after training", () => {
  it("promotes the first version, skips one below the minimum delta (as challenger), promotes one above it", async () => {
    const v1 = await train("promo-a", 0.80, null);
    expect(v1.outcome).toMatchObject({ promoted: true, champion: 1, previousChampion: null, alreadyApplied: false });
    expect(await promotedEvents(v1.run)).toEqual([{ model: "promo-a", version: 1, alias: "champion", previousVersion: null, action: "auto-promote", runId: v1.run }]);

    // v2: 0.803 vs the champion's 0.800 on the new test set: +0.003 < 0.005.
    const v2 = await train("promo-a", 0.803, 0.80);
    expect(v2.outcome).toMatchObject({ promoted: false, champion: 1, challenger: 2 });
    expect(await promotedEvents(v2.run)).toEqual([]);
    const why = (await getModelVersion("promo-a", 2))!.decision!;
    expect(why).toMatchObject({ promote: false, action: "skip", candidate: 0.803, champion: 0.80, championVersion: 1, minDelta: MIN, actor: "rule:min-delta" });
    expect(why.delta).toBeCloseTo(0.003, 12);
    expect(why.reason).toMatch(/roc_auc 0\.803 vs champion 0\.8 .*better by only 0\.003/);

    // v3: 0.83 vs the champion re-scored at 0.81 on v3's test set: +0.02.
    const v3 = await train("promo-a", 0.83, 0.81);
    expect(v3.outcome).toMatchObject({ promoted: true, champion: 3, previousChampion: 1, challenger: 2 });
    expect(await promotedEvents(v3.run)).toEqual([{ model: "promo-a", version: 3, alias: "champion", previousVersion: 1, action: "auto-promote", runId: v3.run }]);

    const audit = await auditOf("promo-a");
    expect(audit.map((e) => [e.alias, e.action, e.fromVersion, e.toVersion, e.actor, e.candidateValue, e.championValue])).toEqual([
      ["champion", "auto-promote", null, 1, "rule:min-delta", 0.8, null],
      ["challenger", "skip", null, 2, "rule:min-delta", 0.803, 0.8],
      ["champion", "auto-promote", 1, 3, "rule:min-delta", 0.83, 0.81],
    ]);
    expect(audit[2].delta).toBeCloseTo(0.02, 12);
    expect(audit.every((e) => e.metricName === "roc_auc" && e.reason.length > 0)).toBe(true);

    const [summary] = (await listModels()).filter((m) => m.name === "promo-a");
    expect(summary).toMatchObject({ champion: { version: 3, value: 0.83 }, challenger: 2, latestVersion: 3, versionCount: 3, primaryMetric: "roc_auc" });
    expect((await getModel("promo-a"))!.versions.map((v) => [v.version, v.aliases])).toEqual([[3, ["champion"]], [2, ["challenger"]], [1, []]]);
  });

  it("is idempotent on retry: a version with a decision is not decided again", async () => {
    const { run, saved } = await train("promo-b", 0.7, null);
    const retry = await applyPromotionDecision({
      model: "promo-b", version: saved.version, championVersion: null, runId: run, emit: outboxEmit(run),
      decision: decidePromotion({ primaryMetric: "roc_auc", candidate: 0.7, champion: null, minDelta: MIN }),
    });
    expect(retry).toMatchObject({ alreadyApplied: true, promoted: true, champion: 1 });
    expect(await auditOf("promo-b")).toHaveLength(1);
    expect(await promotedEvents(run)).toHaveLength(1);
  });

  it("flips the comparison for a lower-is-better primary metric (log loss)", async () => {
    await train("promo-c", 0.40, null, { primaryMetric: "log_loss" });
    const worse = await train("promo-c", 0.41, 0.40, { primaryMetric: "log_loss" });
    expect(worse.outcome).toMatchObject({ promoted: false, challenger: 2 });
    const better = await train("promo-c", 0.37, 0.39, { primaryMetric: "log_loss" });
    expect(better.outcome).toMatchObject({ promoted: true, champion: 3 });
    expect(better.outcome.decision.delta).toBeCloseTo(0.02, 12);
    expect((await listModels()).find((m) => m.name === "promo-c")).toMatchObject({ direction: "lower", champion: { version: 3 } });
  });

  it("does not act on a comparison against a champion that changed meanwhile", async () => {
    await train("promo-d", 0.8, null);
    const run = await trainingRun();
    const saved = await saveModelVersion(versionInput("promo-d", run, { metrics: { roc_auc: 0.9 } }), { emit: outboxEmit(run) });
    const decision = decidePromotion({ primaryMetric: "roc_auc", candidate: 0.9, champion: 0.8, minDelta: MIN });
    const outcome = await applyPromotionDecision({ model: "promo-d", version: saved.version, decision, championVersion: null, runId: run, emit: outboxEmit(run) });
    expect(outcome).toMatchObject({ promoted: false, champion: 1, challenger: 2 });
    expect(outcome.decision.reason).toMatch(/champion changed from no champion to version 1/);
  });

  it("rolls the alias change back with its event: a failed emit leaves no audit entry and no decision", async () => {
    const run = await trainingRun();
    const saved = await saveModelVersion(versionInput("promo-e", run), { emit: outboxEmit(run) });
    const decision = decidePromotion({ primaryMetric: "roc_auc", candidate: 0.9, champion: null, minDelta: MIN });
    await expect(applyPromotionDecision({ model: "promo-e", version: saved.version, decision, championVersion: null, runId: run, emit: async () => { throw new Error("outbox down"); } })).rejects.toThrow("outbox down");
    expect(await getChampion("promo-e")).toBeNull();
    expect(await auditOf("promo-e")).toEqual([]);
    expect((await getModelVersion("promo-e", 1))!.decision).toBeNull();
    // Without an emit the event goes to the outbox directly, in the same transaction.
    await applyPromotionDecision({ model: "promo-e", version: saved.version, decision, championVersion: null, runId: run });
    expect(await promotedEvents(run)).toEqual([{ model: "promo-e", version: 1, alias: "champion", previousVersion: null, action: "auto-promote", runId: run }]);
  });
});

describe("manual promote and rollback", () => {
  it("audits who, why and both numbers; rollback walks back the champion history; each announces model.promoted", async () => {
    await train("manual-a", 0.80, null); // v1 champion
    await train("manual-a", 0.802, 0.80); // v2 challenger
    await train("manual-a", 0.85, 0.80); // v3 champion
    const promoted = await promoteVersion("manual-a", 2, { actor: "cli:alice", reason: "v3 misbehaves on new cohorts" });
    expect(promoted).toMatchObject({ model: "manual-a", action: "promote", champion: 2, previousChampion: 3, metric: "roc_auc", candidateValue: 0.802, championValue: 0.85 });
    expect(promoted.delta).toBeCloseTo(-0.048, 12);
    expect(await getChampion("manual-a")).toMatchObject({ version: 2, primaryMetricValue: 0.802, artifactKey: "models/manual-a/2/model.json" });
    const afterPromote = (await auditOf("manual-a")).slice(3);
    expect(afterPromote.map((e) => [e.alias, e.action, e.fromVersion, e.toVersion, e.actor])).toEqual([
      ["champion", "promote", 3, 2, "cli:alice"],
      ["challenger", "promote", 2, null, "cli:alice"], // the challenger became the champion
    ]);
    expect(afterPromote[0]).toMatchObject({ candidateValue: 0.802, championValue: 0.85, metricName: "roc_auc" });
    expect(afterPromote[0].reason).toMatch(/^v3 misbehaves on new cohorts\. roc_auc 0\.802 \(v2\) vs 0\.85 \(v3\)/);

    const back = await rollbackModel("manual-a", { actor: "cli:bob", reason: "false alarm" });
    expect(back).toMatchObject({ action: "rollback", champion: 3, previousChampion: 2, candidateValue: 0.85, championValue: 0.802 });
    expect((await rollbackModel("manual-a", { actor: "cli:bob" })).champion).toBe(1); // v1 → v3 → v2, popped twice
    await expect(rollbackModel("manual-a", { actor: "cli:bob" })).rejects.toMatchObject({ code: "CONFLICT" });
    const rollbacks = (await auditOf("manual-a")).filter((e) => e.action === "rollback");
    expect(rollbacks.map((e) => [e.fromVersion, e.toVersion, e.actor, e.candidateValue, e.championValue])).toEqual([[2, 3, "cli:bob", 0.85, 0.802], [3, 1, "cli:bob", 0.8, 0.85]]);
    expect(rollbacks[1].reason).toMatch(/^manual rollback\./);

    const events = await query<{ data: Record<string, unknown> }>("SELECT data FROM ops.outbox_events WHERE name = 'churnops/model.promoted' AND data->>'model' = 'manual-a' AND data->>'action' IN ('promote', 'rollback') ORDER BY created_at, id");
    expect(events.map((e) => e.data)).toEqual([
      { model: "manual-a", version: 2, alias: "champion", previousVersion: 3, action: "promote" },
      { model: "manual-a", version: 3, alias: "champion", previousVersion: 2, action: "rollback" },
      { model: "manual-a", version: 1, alias: "champion", previousVersion: 3, action: "rollback" },
    ]);
  });

  it("answers NOT_FOUND for an unknown model or version and CONFLICT for the current champion", async () => {
    await train("manual-b", 0.8, null);
    await expect(promoteVersion("no-such-model", 1, { actor: "cli:x" })).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(promoteVersion("manual-b", 7, { actor: "cli:x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(promoteVersion("manual-b", 1, { actor: "cli:x" })).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
    await expect(rollbackModel("manual-b", { actor: "cli:x" })).rejects.toThrow(/no earlier champion/);
    expect(await auditOf("manual-b")).toHaveLength(1);
  });
});
