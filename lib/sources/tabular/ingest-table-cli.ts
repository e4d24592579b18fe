import fs from "node:fs";
import path from "node:path";
import type { ParseArgsConfig } from "node:util";
import { ensureSchemaReady } from "../../db/prepare-database.ts";
import { AppError } from "../../errors.ts";
import { recoverStaleRuns } from "../../pipelines/recover-stale-runs.ts";
import type { RunDetail } from "../../pipelines/run-queries.ts";
import { exitCodeOf, followRun, printRun, stdout, type Out } from "../../cli/follow-run.ts";
import type { DatasetColumn } from "./dataset-columns.ts";
import type { DatasetVersionView } from "./dataset-queries.ts";
import { confirmDatasetVersion, createDatasetVersionFromUpload, type ConfirmInput } from "./datasets.ts";
import { TABULAR_COLUMN_TYPES, type TabularColumnType } from "./infer-column-types.ts";
import { startTabularLoad } from "./start-tabular-load.ts";

// `churnops ingest table --file F --target COL --id COL [--descriptions F] [--name N] [--encoding E]
//  [--types col=numeric,col2=ignore,...] [--positive VALUE] [--json]`: upload, infer, print the inferred types,
// confirm with the given id/target/types, run tabular-load here and wait. Exit 0 ok, 1 failed, 2 data gate.

/** Options to merge into the `ingest` command's parseArgs options (encoding and json are already there). */
export const INGEST_TABLE_OPTIONS = {
  file: { type: "string" },
  target: { type: "string" },
  id: { type: "string" },
  descriptions: { type: "string" },
  name: { type: "string" },
  encoding: { type: "string" },
  types: { type: "string" },
  positive: { type: "string" },
  json: { type: "boolean" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

export const INGEST_TABLE_USAGE =
  "usage: churnops ingest table --file F --target COL --id COL [--descriptions F] [--name N] [--encoding auto|utf-8|windows-1252|latin1] [--types col=numeric,col2=categorical,col3=ignore] [--positive VALUE] [--json]";

export interface IngestTableOptions {
  file: string;
  target: string;
  id: string;
  descriptions?: string;
  name?: string;
  encoding?: string;
  /** "col=numeric,col2=categorical,col3=ignore" (ignore sets the role, the others the type). */
  types?: string;
  /** The target value that means churn (defaults to the inferred one). */
  positive?: string;
  json?: boolean;
}

export interface IngestTableResult {
  exitCode: number;
  version: DatasetVersionView;
  runId: string;
  run: RunDetail | null;
}


/** "--types a=numeric,b=ignore" -> column changes for confirmDatasetVersion. */
export function parseTypesFlag(flag: string | undefined): NonNullable<ConfirmInput["columns"]> {
  if (!flag?.trim()) return [];
  return flag.split(",").map((part) => {
    const eq = part.lastIndexOf("=");
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim().toLowerCase();
    if (eq <= 0 || !name) throw new AppError("INVALID_INPUT", `--types expects col=type pairs separated by commas, got "${part}". ${INGEST_TABLE_USAGE}`);
    if (value === "ignore") return { name, role: "ignore" as const };
    if (!(TABULAR_COLUMN_TYPES as readonly string[]).includes(value)) {
      throw new AppError("INVALID_INPUT", `--types: "${value}" is not a column type for "${name}". Use one of ${TABULAR_COLUMN_TYPES.join(", ")} (or ignore).`);
    }
    return { name, type: value as TabularColumnType };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.001 ? 2 : 1)}%`;

/** The inferred types as a plain-text table (what the upload page shows); draft roles are suggestions ("id?"). */
export function formatColumnsTable(columns: readonly DatasetColumn[], draft = true): string {
  const role = (c: DatasetColumn) => (c.role === "feature" ? "" : c.role === "ignore" ? "ignored" : draft ? `${c.role}?` : c.role);
  const rows = columns.map((c) => [c.name, c.type, role(c), pct(c.nullShare), c.examples.slice(0, 3).join(", ")]);
  const header = ["column", "type", "role", "nulls", "examples"];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((v, i) => (i === r.length - 1 ? v : v.slice(0, widths[i]).padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}



export async function ingestTable(opts: IngestTableOptions, out: Out = stdout): Promise<IngestTableResult> {
  for (const [flag, file] of [["--file", opts.file], ["--descriptions", opts.descriptions]] as const) {
    if (file && !fs.existsSync(file)) throw new AppError("INVALID_INPUT", `${flag}: file not found: ${file}`);
  }
  const changes = parseTypesFlag(opts.types);
  await ensureSchemaReady();
  await recoverStaleRuns();
  const { version: draft, sample } = await createDatasetVersionFromUpload(fs.createReadStream(opts.file), {
    name: opts.name,
    fileName: path.basename(opts.file),
    encoding: opts.encoding,
    origin: "cli",
    descriptions: opts.descriptions ? { fileName: path.basename(opts.descriptions), body: fs.createReadStream(opts.descriptions) } : undefined,
  });
  if (!opts.json) {
    out(`${draft.datasetName} v${draft.version}: ${draft.columns.length} columns, encoding ${draft.encoding}, types inferred from ${sample.complete ? "all" : "the first"} ${sample.rows} rows`);
    out(formatColumnsTable(draft.columns));
  }
  const version = await confirmDatasetVersion(draft.id, { idColumn: opts.id, targetColumn: opts.target, positiveValue: opts.positive, columns: changes });
  const target = version.columns.find((c) => c.role === "target")?.target;
  if (!opts.json && target) out(`target ${version.targetColumn}: "${target.positive}" = 1 (churn), "${target.negative}" = 0${target.guessed ? "  (guessed: pass --positive to choose)" : ""}`);

  const { runId, executor } = await startTabularLoad(version.id, "cli", "inline");
  const run = await followRun(runId, executor, Boolean(opts.json));
  if (opts.json) out(JSON.stringify({ version: { ...version, runId }, run }, null, 2));
  else if (run) printRun(run, false, out);
  return { exitCode: exitCodeOf(run), version, runId, run };
}

/** The `ingest table` subcommand on parseArgs values; returns the exit code. */
export async function ingestTableCommand(values: Record<string, unknown>): Promise<number> {
  const str = (k: string) => (typeof values[k] === "string" && values[k] !== "" ? (values[k] as string) : undefined);
  const file = str("file");
  const target = str("target");
  const id = str("id");
  if (!file || !target || !id) throw new AppError("INVALID_INPUT", INGEST_TABLE_USAGE);
  const result = await ingestTable({
    file, target, id, descriptions: str("descriptions"), name: str("name"), encoding: str("encoding"), types: str("types"), positive: str("positive"), json: Boolean(values.json),
  });
  return result.exitCode;
}
