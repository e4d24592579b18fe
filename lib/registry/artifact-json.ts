// Artifacts are written once and compared by sha256 on a retry, so their bytes must not depend on anything but the
// content: typed arrays become plain arrays, non-finite numbers become null (JSON has neither), keys keep the
// order the writer built them in.

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  if (typeof value === "bigint") return value.toString();
  return value;
}

/** Stable JSON text of an artifact (2-space indent: people open model.json to read it). */
export function artifactJson(value: unknown): string {
  return `${JSON.stringify(value, replacer, 2)}\n`;
}

/** The same value as it will read back from JSON (for jsonb columns, which must get what the artifact holds). */
export function plainJson<T = unknown>(value: unknown): T {
  return JSON.parse(JSON.stringify(value, replacer)) as T;
}
