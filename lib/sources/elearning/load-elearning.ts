import { findArtifact } from "../../storage/artifact-records.ts";
import { getArtifactStore } from "../../storage/default-artifact-store.ts";
import type { CsvEncoding } from "../csv/text-encoding.ts";
import { replaceTablesFromCsv, type LoadedFile, type ReplaceOptions } from "../replace-tables-from-csv.ts";
import { ELEARNING_EVENTS_TABLE, ELEARNING_USERS_TABLE, elearningEventColumns, elearningUserColumns } from "./elearning-tables.ts";

export interface ElearningKeys {
  usersKey: string;
  eventsKey: string;
  encoding?: CsvEncoding;
}

/**
 * Loads users.csv and events.csv from the artifact store into raw.*, replacing both tables in one transaction after
 * each file matched its recorded sha256 and `opts.validate` (the data gate) passed on the staged rows.
 */
export async function loadElearningFromStore(keys: ElearningKeys, opts: ReplaceOptions = {}): Promise<LoadedFile[]> {
  const store = getArtifactStore();
  const [usersHead, eventsHead] = await Promise.all([store.head(keys.usersKey), store.head(keys.eventsKey)]);
  const [usersRecord, eventsRecord] = await Promise.all([findArtifact(keys.usersKey), findArtifact(keys.eventsKey)]);
  const missing = [!usersHead && keys.usersKey, !eventsHead && keys.eventsKey].filter(Boolean);
  if (missing.length) throw new Error(`artifact(s) not found: ${missing.join(", ")}`);
  return replaceTablesFromCsv(
    [
      { source: "elearning", fileName: "users.csv", table: ELEARNING_USERS_TABLE, columns: elearningUserColumns, artifactKey: keys.usersKey, encoding: keys.encoding, bytes: usersHead!.bytes, expectedSha256: usersRecord?.sha256, open: () => store.getStream(keys.usersKey) },
      { source: "elearning", fileName: "events.csv", table: ELEARNING_EVENTS_TABLE, columns: elearningEventColumns, artifactKey: keys.eventsKey, encoding: keys.encoding, bytes: eventsHead!.bytes, expectedSha256: eventsRecord?.sha256, open: () => store.getStream(keys.eventsKey) },
    ],
    opts,
  );
}

