import type pg from "pg";
import { query, withTransaction } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import { enqueueEvents } from "../events/outbox.ts";
import { aliasesOf, changeAlias, findVersion, improvement, lockModel, type LockedModel } from "./alias-change.ts";

// A person moves the champion: to a chosen version (promote) or back to the one before (rollback). Both are audited
// with who and why and both test-set numbers, and announce model.promoted in the same transaction (scoring follows
// the champion). The numbers are each version's own test-set value from training: unlike the rule's comparison,
// the two were not scored on one test set, and the reason says so.

export interface ManualAliasOptions {
  /** "cli:<os user>", "api:admin", ... */
  actor: string;
  reason?: string;
}

export interface ChampionChange {
  model: string;
  action: "promote" | "rollback";
  champion: number;
  previousChampion: number | null;
  metric: string;
  candidateValue: number | null;
  championValue: number | null;
  /** improvement of the new champion over the old in the metric's better direction (negative = worse) */
  delta: number | null;
  auditId: string;
  /** the outbox row of model.promoted (delivered by the dispatcher) */
  eventId: string;
}

const OWN_TEST_SETS = "(test-set values recorded at training, each on its own test set)";

async function moveChampion(
  client: pg.PoolClient, model: LockedModel, to: number, from: number | null, action: "promote" | "rollback", opts: ManualAliasOptions,
): Promise<ChampionChange> {
  const target = await findVersion(client, model, to);
  const current = from === null ? null : await findVersion(client, model, from);
  const candidateValue = target.primaryMetricValue;
  const championValue = current?.primaryMetricValue ?? null;
  const delta = improvement(model.direction, candidateValue, championValue);
  const given = opts.reason?.trim() || (action === "promote" ? "manual promote" : "manual rollback");
  const numbers = `${model.primaryMetric} ${candidateValue ?? "n/a"} (v${to}) vs ${championValue ?? "n/a"} (v${from ?? "none"}) ${OWN_TEST_SETS}`;
  const reason = `${given}. ${numbers}`;
  const change = { metricName: model.primaryMetric, candidateValue, championValue, delta, actor: opts.actor, reason };
  const auditId = await changeAlias(client, model.id, { alias: "champion", from, to, action, ...change });
  const aliases = await aliasesOf(client, model.id);
  if (aliases.challenger === to) {
    await changeAlias(client, model.id, { alias: "challenger", from: to, to: null, action, ...change, reason: `v${to} became the champion. ${given}` });
  }
  const [eventId] = await enqueueEvents(
    [{ name: "churnops/model.promoted", data: { model: model.name, version: to, alias: "champion", previousVersion: from, action } }],
    { client },
  );
  return { model: model.name, action, champion: to, previousChampion: from, metric: model.primaryMetric, candidateValue, championValue, delta, auditId, eventId };
}

/** Makes `version` the champion of `model` (NOT_FOUND for an unknown model or version, CONFLICT if it already is). */
export async function promoteVersion(modelName: string, version: number, opts: ManualAliasOptions): Promise<ChampionChange> {
  return withTransaction(async (client) => {
    const model = await lockModel(client, modelName);
    const { champion } = await aliasesOf(client, model.id);
    if (champion === version) throw new AppError("CONFLICT", `Version ${version} is already the champion of "${model.name}". Nothing changed.`, 409);
    return moveChampion(client, model, version, champion, "promote", opts);
  });
}

/**
 * Puts the previous champion back. The champion history is a stack read from the audit log: a promotion pushes,
 * a rollback pops. So two rollbacks after v1 → v2 → v3 give v2 then v1 (never v3 again, which a plain "undo the
 * last change" would bring back).
 */
export async function rollbackModel(modelName: string, opts: ManualAliasOptions): Promise<ChampionChange> {
  return withTransaction(async (client) => {
    const model = await lockModel(client, modelName);
    const { champion } = await aliasesOf(client, model.id);
    const history = await query<{ action: string; to_version: number | null }>(
      "SELECT action, to_version FROM ops.model_alias_events WHERE model_id = $1 AND alias = 'champion' ORDER BY id",
      [model.id],
      client,
    );
    const stack: number[] = [];
    for (const h of history) {
      if (h.action === "rollback") stack.pop();
      else if (h.to_version !== null) stack.push(h.to_version);
    }
    const previous = stack.length >= 2 && stack[stack.length - 1] === champion ? stack[stack.length - 2] : null;
    if (champion === null || previous === null) {
      throw new AppError("CONFLICT", `"${model.name}" has no earlier champion to roll back to${champion === null ? " (it has no champion yet)" : ` (version ${champion} is the first)`}. To fix: promote a specific version instead.`, 409);
    }
    return moveChampion(client, model, previous, champion, "rollback", opts);
  });
}
