import os from "node:os";
import { ensureSchemaReady } from "../db/prepare-database.ts";
import { AppError } from "../errors.ts";
import { promoteVersion, rollbackModel, type ChampionChange } from "../registry/promote-version.ts";
import { listModels } from "../registry/queries.ts";
import { out, type Command } from "./command.ts";

// churnops models | promote <model> <version> | rollback <model>. Loaded on their own (not with every pipeline):
// they read and write a few registry rows. The CLI acts as the local operator: whoever can run it can reach the
// database, so it audits as "cli:<os user>".

export function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return "cli:unknown"; // no passwd entry (some containers)
  }
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "-" : Number(x.toPrecision(4)).toString());

export const modelsCommand: Command = {
  options: { json: { type: "boolean" } },
  quick: true,
  async run(_p, values) {
    await ensureSchemaReady();
    const models = await listModels();
    if (values.json) return out(JSON.stringify(models, null, 2)), 0;
    if (!models.length) return out("no registered models yet: run a training pipeline (churnops pipelines lists them)"), 0;
    const rows = models.map((m) => [
      m.name, m.champion ? `v${m.champion.version}` : "-", m.challenger ? `v${m.challenger}` : "-",
      `${m.primaryMetric} ${fmt(m.champion?.value)}`, String(m.versionCount), m.lastTrainedAt ?? "-",
    ]);
    const header = ["MODEL", "CHAMPION", "CHALLENGER", "PRIMARY METRIC", "VERSIONS", "LAST TRAINED"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const r of [header, ...rows]) out(r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
    return 0;
  },
};

async function deliver(change: ChampionChange): Promise<void> {
  // Deliver model.promoted now (a model.promoted trigger such as scoring should not wait for the next `serve`); a
  // failure leaves it pending for the dashboard's dispatcher, and the promotion stands either way.
  const { dispatchPendingEvents } = await import("../pipelines/dispatch-events.ts");
  await dispatchPendingEvents({ ids: [change.eventId] }).catch(() => {});
}

function printChange(change: ChampionChange, json: boolean): void {
  if (json) return void out(JSON.stringify(change, null, 2));
  const delta = change.delta === null ? "" : `, ${change.delta >= 0 ? "+" : ""}${fmt(change.delta)}`;
  out(`${change.model}: champion v${change.previousChampion ?? "-"} → v${change.champion} (${change.action}; ${change.metric} ${fmt(change.championValue)} → ${fmt(change.candidateValue)}${delta})`);
}

export const promoteCommand: Command = {
  options: { reason: { type: "string" }, json: { type: "boolean" } },
  async run([model, version], values) {
    const n = Number(version);
    if (!model || !Number.isInteger(n) || n < 1) throw new AppError("INVALID_INPUT", "usage: churnops promote <model> <version> [--reason TEXT] [--json]");
    await ensureSchemaReady();
    const change = await promoteVersion(model, n, { actor: cliActor(), reason: values.reason as string | undefined });
    await deliver(change);
    printChange(change, Boolean(values.json));
    return 0;
  },
};

export const rollbackCommand: Command = {
  options: { reason: { type: "string" }, json: { type: "boolean" } },
  async run([model], values) {
    if (!model) throw new AppError("INVALID_INPUT", "usage: churnops rollback <model> [--reason TEXT] [--json]");
    await ensureSchemaReady();
    const change = await rollbackModel(model, { actor: cliActor(), reason: values.reason as string | undefined });
    await deliver(change);
    printChange(change, Boolean(values.json));
    return 0;
  },
};
