import { z } from "zod";
import type { Json } from "../pipelines/pipeline-definition.ts";
import { gateSummaryOutput } from "../pipelines/step-outputs.ts";
import { artifactHref, formatBytes } from "./format.ts";

// A step's output JSON as sentences people read ("300 users and 71,739 events loaded, 0 rejected"), each with the
// links that lead on: the validation report, the rejected rows of this run, the tables, the stored files.
// Pure and browser-safe: the live run view calls it on every poll.

export interface FactLink {
  label: string;
  href: string;
}

export interface Fact {
  text: string;
  links: FactLink[];
}

const n = (v: number) => v.toLocaleString("en");
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;


/** "raw.elearning_users" -> "users", "raw.wallet_active_user" -> "active user rows", "raw.tabular_x_v1" -> "rows". */
export function nounOfTable(table: string): string {
  const name = table.replace(/^\w+\./, "");
  if (name.startsWith("tabular_")) return "rows";
  const noun = name.replace(/^(elearning|wallet)_/, "").replaceAll("_", " ");
  return /s$/.test(noun) ? noun : `${noun} rows`;
}

export const rejectsHref = (runId: string) => `/data/rejects?runId=${encodeURIComponent(runId)}`;
export const qualityHref = (dqRunId: string) => `/data/quality/${encodeURIComponent(dqRunId)}`;

const listing = (parts: string[]) => (parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`);

const gateOutput = gateSummaryOutput;
const loadOutput = z.object({
  files: z.array(z.object({ name: z.string(), table: z.string(), rows: z.number(), bytes: z.number() })),
  gate: gateOutput.optional(),
});
const tabularLoadOutput = z.object({ dataset: z.string(), version: z.number(), table: z.string(), rows: z.number(), bytes: z.number(), gate: gateOutput });
const stagingOutput = z.object({ table: z.string(), rows: z.number(), rejectedRows: z.number() });
const elearningStagingOutput = z.object({ users: z.number(), events: z.number() });
const walletStagingOutput = z.object({ buyers: z.number(), churned: z.number(), payments: z.number() });
const generatedOutput = z.object({ bytes: z.number() }).catchall(z.unknown());
const releasedOutput = z.object({ released: z.array(z.string()) });

/** The data gate's facts: one line per suite, linking its report and, when it rejected rows, this run's rejects. */
function gateFacts(gate: z.infer<typeof gateOutput>, runId: string): Fact[] {
  return gate.suites.map((s) => {
    const problems = s.status === "failed" ? `; failed: ${s.failed.join(", ")}` : s.status === "warned" ? `; warnings: ${s.warned.join(", ")}` : "";
    const links = [{ label: `Validation report ${s.suite}`, href: qualityHref(s.dqRunId) }];
    if (s.rejectedRows > 0) links.push({ label: `Rejected rows of ${s.suite}`, href: `${rejectsHref(runId)}&suite=${encodeURIComponent(s.suite)}` });
    return { text: `${s.suite}: ${s.status}, ${plural(s.rowCount, "row")} checked, ${n(s.rejectedRows)} rejected${problems}`, links };
  });
}

function rejectedOf(gate: z.infer<typeof gateOutput> | undefined): number {
  return gate ? gate.suites.reduce((a, s) => a + s.rejectedRows, 0) : 0;
}

/** Sentences for one step's output; unknown shapes fall back to key/value lines (never raw JSON). */
export function stepFacts(stepId: string, output: Json | null, runId: string): Fact[] {
  if (output === null) return [];
  const tabular = tabularLoadOutput.safeParse(output);
  if (tabular.success) {
    const t = tabular.data;
    const rejected = rejectedOf(t.gate);
    return [
      { text: `${plural(t.rows, "row")} of ${t.dataset} version ${t.version} loaded (${formatBytes(t.bytes)}), ${n(rejected)} rejected`, links: [{ label: t.table, href: "/data" }, ...(rejected > 0 ? [{ label: "Rejected rows", href: rejectsHref(runId) }] : [])] },
      ...gateFacts(t.gate, runId),
    ];
  }
  const load = loadOutput.safeParse(output);
  if (load.success) {
    const { files, gate } = load.data;
    const rejected = rejectedOf(gate);
    const head = { text: `${listing(files.map((f) => `${n(f.rows)} ${nounOfTable(f.table)}`))} loaded, ${n(rejected)} rejected`, links: [...files.map((f) => ({ label: f.table, href: "/data" })), ...(rejected > 0 ? [{ label: "Rejected rows", href: rejectsHref(runId) }] : [])] };
    return [head, ...(gate ? gateFacts(gate, runId) : [])];
  }
  const gate = gateOutput.safeParse(output);
  if (gate.success) return gateFacts(gate.data, runId);
  const staging = stagingOutput.safeParse(output);
  if (staging.success) return [{ text: `${plural(staging.data.rows, "valid row")} in ${staging.data.table} (${n(staging.data.rejectedRows)} left out)`, links: [{ label: staging.data.table, href: "/data" }] }];
  const wallet = walletStagingOutput.safeParse(output);
  if (wallet.success) {
    const w = wallet.data;
    return [{ text: `${plural(w.buyers, "labelled buyer")} (${n(w.churned)} churned) and ${plural(w.payments, "payment")} in staging`, links: [{ label: "staging.wallet_buyers", href: "/data" }] }];
  }
  const elearning = elearningStagingOutput.safeParse(output);
  if (elearning.success && stepId === "build-staging") {
    return [{ text: `${plural(elearning.data.users, "user")} and ${plural(elearning.data.events, "event")} in staging`, links: [{ label: "staging.elearning_users", href: "/data" }, { label: "staging.elearning_events", href: "/data" }] }];
  }
  const released = releasedOutput.safeParse(output);
  if (released.success && stepId === "release-working-tables") {
    return [{ text: `${listing(released.data.released)} emptied; the run's snapshots keep the valid rows`, links: [{ label: "Lineage", href: `/runs/${runId}#lineage-heading` }] }];
  }
  const generated = generatedOutput.safeParse(output);
  if (generated.success && stepId === "generate-csvs") {
    const g = generated.data;
    const keys = Object.entries(g).filter(([k, v]) => k.endsWith("Key") && typeof v === "string") as [string, string][];
    const counts = typeof g.users === "number" && typeof g.events === "number" ? `${plural(g.users, "user")} and ${plural(g.events, "event")}` : plural(keys.length, "file");
    return [{ text: `Generated ${counts} (${formatBytes(g.bytes)})`, links: keys.map(([, key]) => ({ label: key.split("/").pop() ?? key, href: artifactHref(key) })) }];
  }
  return keyValueFacts(output);
}

/** Scalars as "key: value" lines, nested objects as their size: the fallback for outputs without a sentence. */
export function keyValueFacts(output: Json): Fact[] {
  if (typeof output !== "object" || output === null || Array.isArray(output)) return [{ text: String(output), links: [] }];
  return Object.entries(output).map(([key, value]) => {
    const shown = Array.isArray(value) ? plural(value.length, "item") : typeof value === "object" && value !== null ? plural(Object.keys(value).length, "field") : typeof value === "number" ? n(value) : String(value);
    return { text: `${key}: ${shown}`, links: [] };
  });
}
