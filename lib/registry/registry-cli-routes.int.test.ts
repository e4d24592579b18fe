import os from "node:os";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { POST as promoteRoute } from "../../app/api/models/[name]/promote/route.ts";
import { POST as rollbackRoute } from "../../app/api/models/[name]/rollback/route.ts";
import { modelsCommand, promoteCommand, rollbackCommand } from "../cli/models-command.ts";
import { query } from "../db/sql.ts";
import { resetEnvCache } from "../env.ts";
import { applyPromotionDecision } from "./apply-promotion-decision.ts";
import { decidePromotion } from "./decide-promotion.ts";
import { getChampion, getModel, type ModelSummary } from "./queries.ts";
import { saveModelVersion } from "./save-model-version.ts";
import { outboxEmit, settleOutbox, trainingRun, versionInput } from "./testing.ts";

afterAll(settleOutbox); // leave no pending event for the next file's dispatcher

const TOKEN = "registry-route-test-token";

/** Registers versions with the given test metrics; the first is champion, the others challengers (not promoted). */
async function modelWith(name: string, metrics: number[]): Promise<void> {
  for (const [i, m] of metrics.entries()) {
    const run = await trainingRun();
    const saved = await saveModelVersion(versionInput(name, run, { metrics: { roc_auc: m } }), { emit: outboxEmit(run) });
    const decision = decidePromotion({ primaryMetric: "roc_auc", candidate: m, champion: i === 0 ? null : Number.POSITIVE_INFINITY, minDelta: 0.005 });
    await applyPromotionDecision({ model: name, version: saved.version, decision, championVersion: i === 0 ? null : 1, runId: run });
  }
}

const post = (name: string, action: "promote" | "rollback", body: string, headers: Record<string, string> = {}) =>
  (action === "promote" ? promoteRoute : rollbackRoute)(new Request(`http://127.0.0.1/api/models/${name}/${action}`, { method: "POST", body, headers }), { params: Promise.resolve({ name }) });

async function captured(fn: () => Promise<number>): Promise<{ code: number; text: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
  try {
    return { code: await fn(), text: chunks.join("") };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  delete process.env.CHURNOPS_ADMIN_TOKEN;
  resetEnvCache();
});

describe("POST /api/models/[name]/promote and /rollback", () => {
  it("refuse without the admin session and change nothing", async () => {
    await modelWith("route-a", [0.8, 0.7]);
    process.env.CHURNOPS_ADMIN_TOKEN = TOKEN;
    resetEnvCache();
    for (const res of [await post("route-a", "promote", JSON.stringify({ version: 2 })), await post("route-a", "rollback", "{}"), await post("route-a", "promote", JSON.stringify({ version: 2 }), { authorization: "Bearer wrong-token-123" })]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "UNAUTHORIZED" });
    }
    expect((await getChampion("route-a"))?.version).toBe(1);
    expect((await getModel("route-a"))!.audit).toHaveLength(2);
  });

  it("promote and roll back with the token, audited as the API admin; bad input is a 400, unknown names a 404", async () => {
    await modelWith("route-b", [0.8, 0.7]);
    process.env.CHURNOPS_ADMIN_TOKEN = TOKEN;
    resetEnvCache();
    const auth = { authorization: `Bearer ${TOKEN}` };
    const promoted = await post("route-b", "promote", JSON.stringify({ version: 2, reason: "try the simpler model" }), auth);
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ action: "promote", champion: 2, previousChampion: 1, candidateValue: 0.7, championValue: 0.8 });
    expect((await getModel("route-b"))!.audit[1]).toMatchObject({ action: "promote", actor: "api:admin", toVersion: 2 });
    expect((await getModel("route-b"))!.audit[1].reason).toMatch(/^try the simpler model\./);

    const back = await post("route-b", "rollback", "", auth); // an empty body is allowed: the reason is optional
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ action: "rollback", champion: 1 });

    expect((await post("route-b", "promote", JSON.stringify({ version: "2" }), auth)).status).toBe(400);
    expect((await post("route-b", "promote", "not json", auth)).status).toBe(400);
    expect((await post("route-b", "promote", JSON.stringify({ version: 9 }), auth)).status).toBe(404);
    expect((await post("no-such-model", "rollback", "{}", auth)).status).toBe(404);
    expect((await post("route-b", "promote", JSON.stringify({ version: 1 }), auth)).status).toBe(409);
  });
});

describe("churnops models / promote / rollback", () => {
  it("lists models, promotes and rolls back as cli:<os user>, delivering model.promoted", async () => {
    await modelWith("cli-a", [0.9, 0.85]);
    const listed = await captured(() => modelsCommand.run([], { json: true }));
    expect(listed.code).toBe(0);
    const cli = (JSON.parse(listed.text) as ModelSummary[]).find((m) => m.name === "cli-a");
    expect(cli).toMatchObject({ champion: { version: 1, value: 0.9 }, challenger: 2, primaryMetric: "roc_auc", versionCount: 2 });
    const table = await captured(() => modelsCommand.run([], {}));
    expect(table.text).toMatch(/^MODEL\s+CHAMPION\s+CHALLENGER\s+PRIMARY METRIC\s+VERSIONS\s+LAST TRAINED$/m);
    expect(table.text).toMatch(/^cli-a\s+v1\s+v2\s+roc_auc 0\.9\s+2\s+\d{4}-/m);

    const promoted = await captured(() => promoteCommand.run(["cli-a", "2"], { reason: "A/B winner" }));
    expect(promoted.text).toMatch(/cli-a: champion v1 → v2 \(promote; roc_auc 0\.9 → 0\.85, -0\.05\)/);
    const rolled = await captured(() => rollbackCommand.run(["cli-a"], { json: true }));
    expect(JSON.parse(rolled.text)).toMatchObject({ action: "rollback", champion: 1, previousChampion: 2 });
    const actor = `cli:${os.userInfo().username}`;
    expect((await getModel("cli-a"))!.audit.slice(0, 3).map((e) => [e.action, e.alias, e.actor])).toEqual([
      ["rollback", "champion", actor], ["promote", "challenger", actor], ["promote", "champion", actor],
    ]);
    const cliEvents = await query<{ sent: boolean }>("SELECT sent_at IS NOT NULL AS sent FROM ops.outbox_events WHERE name = 'churnops/model.promoted' AND data->>'model' = 'cli-a' AND data->>'action' <> 'auto-promote'");
    expect(cliEvents).toHaveLength(2);
    const pending = await query("SELECT 1 FROM ops.outbox_events WHERE name = 'churnops/model.promoted' AND data->>'model' = 'cli-a' AND data->>'action' <> 'auto-promote' AND sent_at IS NULL");
    expect(pending).toEqual([]); // delivered by the command (no trigger listens yet, so it only marks them sent)
  });

  it("refuses bad usage with the usage line", async () => {
    await expect(promoteCommand.run(["cli-a"], {})).rejects.toThrow(/usage: churnops promote <model> <version>/);
    await expect(promoteCommand.run(["cli-a", "two"], {})).rejects.toThrow(/usage/);
    await expect(rollbackCommand.run([], {})).rejects.toThrow(/usage: churnops rollback <model>/);
  });
});
