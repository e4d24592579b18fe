import { query, withTransaction, type Queryable } from "../db/sql.ts";
import { enqueueEvents } from "../events/outbox.ts";
import { aliasesOf, changeAlias, findVersion, lockModel } from "./alias-change.ts";
import { PROMOTION_RULE, type PromotionDecision } from "./decide-promotion.ts";
import type { EmitEvents } from "./types.ts";

// Carries out the rule's decision for a freshly trained version, in one transaction with its audit entry, the
// decision stored on the version (the page's "why / why not") and, when promoted, the model.promoted event.
//
// Aliases: "champion" is the version scoring uses. "challenger" is the most recent candidate the rule did not
// promote: the runner-up, one click from a manual promote. A promotion leaves the challenger where it is (unless it
// is the promoted version itself); the previous champion keeps no alias: the audit log remembers it for rollback.

export interface ApplyPromotionInput {
  model: string;
  version: number;
  decision: PromotionDecision;
  /** the champion version the caller scored for decision.champion (null when there was none) */
  championVersion: number | null;
  /** the training run deciding (audit entry, event) */
  runId?: string;
  /** defaults to the rule's name, "rule:min-delta" */
  actor?: string;
  /** a pipeline step passes ctx.emit; otherwise the event goes straight to the outbox in the same transaction */
  emit?: EmitEvents;
}

/** The decision as stored on the version (ops.model_versions.decision). */
export interface StoredDecision extends PromotionDecision {
  /** the champion the candidate was compared with */
  championVersion: number | null;
  actor: string;
  decidedAt: string;
}

export interface PromotionOutcome {
  model: string;
  version: number;
  promoted: boolean;
  decision: StoredDecision;
  /** the champion after applying */
  champion: number | null;
  /** the champion before applying */
  previousChampion: number | null;
  challenger: number | null;
  /** true when the version already had a decision (a retried step): nothing was changed again */
  alreadyApplied: boolean;
}

export async function applyPromotionDecision(input: ApplyPromotionInput): Promise<PromotionOutcome> {
  const actor = input.actor ?? PROMOTION_RULE;
  const emit: EmitEvents = input.emit ?? (async (events, client) => void (await enqueueEvents(Array.isArray(events) ? events : [events], { client, runId: input.runId ?? null })));
  return withTransaction(async (client) => {
    const model = await lockModel(client, input.model);
    const version = await findVersion(client, model, input.version);
    const aliases = await aliasesOf(client, model.id);
    if (version.decision) {
      const decision = version.decision as StoredDecision;
      return { model: model.name, version: version.version, promoted: decision.promote, decision, champion: aliases.champion, previousChampion: decision.championVersion, challenger: aliases.challenger, alreadyApplied: true };
    }
    let decision: StoredDecision = { ...input.decision, championVersion: input.championVersion, actor, decidedAt: new Date().toISOString() };
    if (aliases.champion !== input.championVersion) {
      // Someone promoted or rolled back while this run was scoring: its comparison is against a stale champion.
      const was = input.championVersion === null ? "no champion" : `version ${input.championVersion}`;
      decision = { ...decision, promote: false, action: "skip", reason: `The champion changed from ${was} to version ${aliases.champion} while this run compared against it, so the rule did not act. ${input.decision.reason} To fix: promote by hand after comparing the two.` };
    }
    const numbers = { metricName: decision.metric, candidateValue: decision.candidate, championValue: decision.champion, delta: decision.delta, runId: input.runId ?? null };
    if (decision.promote) {
      await changeAlias(client, model.id, { alias: "champion", from: aliases.champion, to: version.version, action: "auto-promote", actor, reason: decision.reason, ...numbers });
      await emit({ name: "churnops/model.promoted", data: { model: model.name, version: version.version, alias: "champion", previousVersion: aliases.champion, action: "auto-promote", ...(input.runId ? { runId: input.runId } : {}) } }, client);
    } else {
      await changeAlias(client, model.id, { alias: "challenger", from: aliases.challenger, to: version.version, action: "skip", actor, reason: decision.reason, ...numbers });
    }
    await storeDecision(client, version.id, decision);
    return {
      model: model.name, version: version.version, promoted: decision.promote, decision,
      champion: decision.promote ? version.version : aliases.champion, previousChampion: aliases.champion,
      challenger: decision.promote ? aliases.challenger : version.version, alreadyApplied: false,
    };
  });
}

async function storeDecision(client: Queryable, versionId: string, decision: StoredDecision): Promise<void> {
  // JSON has no NaN: an uncomputable metric is stored as null (the reason says why).
  const json = JSON.stringify(decision, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
  await query("UPDATE ops.model_versions SET decision = $2::jsonb WHERE id = $1", [versionId, json], client);
}
