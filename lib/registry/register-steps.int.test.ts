import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { query } from "../db/sql.ts";
import { executePipeline, type EmittedEvent, type StepExecutor } from "../pipelines/execute-pipeline.ts";
import { definePipeline, defineStep } from "../pipelines/pipeline-definition.ts";
import { claimRun, createRun } from "../pipelines/run-store.ts";
import { applyPromotionDecision } from "./apply-promotion-decision.ts";
import { decidePromotion } from "./decide-promotion.ts";
import { promotionMinDelta } from "./promotion-min-delta.ts";
import { getChampion } from "./queries.ts";
import { saveModelVersion } from "./save-model-version.ts";
import { settleOutbox, versionInput } from "./testing.ts";

afterAll(settleOutbox); // leave no pending event for the next file's dispatcher

// The registry as a training pipeline uses it: a register step and a decide step passing ctx.emit. Running the
// same steps again for the same run (what an Inngest retry does) registers nothing new and emits nothing.

const delivered: EmittedEvent[] = [];
const direct: StepExecutor = { runStep: (_id, fn) => fn(), deliver: async (_s, events) => void delivered.push(...events) };

const register = defineStep({
  id: "register", title: "Register", output: z.object({ version: z.number().int() }),
  run: async ({ runId, emit }) => ({ version: (await saveModelVersion(versionInput("steps-a", runId, { metrics: { roc_auc: 0.88 } }), { emit })).version }),
});
const decide = defineStep({
  id: "promotion-decision", title: "Promotion decision", output: z.object({ promoted: z.boolean(), reason: z.string() }),
  run: async ({ runId, emit, output }) => {
    const champion = await getChampion("steps-a");
    const decision = decidePromotion({ primaryMetric: "roc_auc", candidate: 0.88, champion: champion ? 0.85 : null, minDelta: promotionMinDelta() });
    const outcome = await applyPromotionDecision({ model: "steps-a", version: output(register).version, decision, championVersion: champion?.version ?? null, runId, emit });
    return { promoted: outcome.promoted, reason: outcome.decision.reason };
  },
});
const def = definePipeline({ id: "test-register", title: "t", description: "t", params: z.object({}), steps: [register, decide] });

describe("register and decide as pipeline steps", () => {
  it("emit through ctx.emit, and a rerun of the same run changes nothing", async () => {
    const runId = await createRun({ pipelineId: def.id, params: {}, trigger: "manual", executor: "local", concurrencyKey: `test:${crypto.randomUUID()}`, steps: def.steps });
    expect(await claimRun(runId, process.pid)).toBe("claimed");
    expect(await executePipeline(def, runId, {}, direct)).toMatchObject({ register: { version: 1 }, "promotion-decision": { promoted: true } });
    expect(delivered.map((e) => e.name)).toEqual(["churnops/model.trained", "churnops/model.promoted"]);
    const outbox = await query<{ name: string }>("SELECT name FROM ops.outbox_events WHERE run_id = $1 ORDER BY created_at, id", [runId]);
    expect(outbox.map((e) => e.name)).toEqual(["churnops/model.trained", "churnops/model.promoted"]);

    delivered.length = 0;
    expect(await executePipeline(def, runId, {}, direct)).toMatchObject({ register: { version: 1 }, "promotion-decision": { promoted: true } });
    expect(delivered).toEqual([]);
    expect(await query("SELECT 1 FROM ops.outbox_events WHERE run_id = $1", [runId])).toHaveLength(2);
    expect(await query("SELECT 1 FROM ops.model_alias_events e JOIN ops.registered_models m ON m.id = e.model_id WHERE m.name = 'steps-a'")).toHaveLength(1);
  });
});
