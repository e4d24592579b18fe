"use client";
import { FormAlert } from "./form-alert.tsx";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import type { DatasetColumn } from "../sources/tabular/dataset-columns.ts";
import type { DatasetVersionView } from "../sources/tabular/dataset-queries.ts";
import type { TabularColumnType } from "../sources/tabular/infer-column-types.ts";
import { requestRun } from "./api-error.ts";
import { formatBytes, formatCount } from "./format.ts";

const TYPES: readonly { value: TabularColumnType; label: string }[] = [
  { value: "numeric", label: "numeric" },
  { value: "categorical", label: "categorical" },
  { value: "date", label: "date" },
  { value: "boolean", label: "boolean" },
  { value: "text", label: "text" },
];

const percent = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`;

/** Which types the sampled values support (the server checks the same): a date needs one layout, a boolean one pair. */
function allowedTypes(c: DatasetColumn): Set<TabularColumnType> {
  const ok = new Set<TabularColumnType>(["categorical", "text", c.inferredType]);
  if (c.numericShare >= 0.99 && c.nonEmpty > 0) ok.add("numeric");
  if (c.dateFormats?.length) ok.add("date");
  if (c.booleanPair) ok.add("boolean");
  return ok;
}

/**
 * The inferred column types of an uploaded version for review: a type select per column, the id and target
 * columns, which target value means churn, and "Confirm and load" (starts the tabular-load run, opens its page).
 */
export function ColumnTypesTable({ version }: { version: DatasetVersionView }) {
  const router = useRouter();
  const id = useId();
  const editable = version.status !== "loaded" && version.status !== "uploading";
  const [types, setTypes] = useState<Record<string, TabularColumnType>>(() => Object.fromEntries(version.columns.map((c) => [c.name, c.type])));
  const [ignored, setIgnored] = useState<Record<string, boolean>>(() => Object.fromEntries(version.columns.map((c) => [c.name, c.role === "ignore"])));
  const [idColumn, setIdColumn] = useState(version.columns.find((c) => c.role === "id")?.name ?? "");
  const [targetColumn, setTargetColumn] = useState(version.columns.find((c) => c.role === "target")?.name ?? "");
  const target = useMemo(() => version.columns.find((c) => c.name === targetColumn), [version.columns, targetColumn]);
  const [positive, setPositive] = useState(target?.target?.positive ?? target?.binary?.positive ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function chooseTarget(name: string) {
    setTargetColumn(name);
    const c = version.columns.find((col) => col.name === name);
    setPositive(c?.binary?.positive ?? "");
  }

  async function confirm() {
    setError(null);
    if (!idColumn || !targetColumn) {
      setError("Choose the id column and the target column.");
      return;
    }
    setPending(true);
    const columns = version.columns
      .filter((c) => c.name !== idColumn && c.name !== targetColumn)
      .map((c) => ({ name: c.name, type: types[c.name], role: ignored[c.name] ? ("ignore" as const) : ("feature" as const) }));
    const started = await requestRun(`/api/datasets/versions/${version.id}/confirm`, { idColumn, targetColumn, positiveValue: positive || undefined, columns });
    if ("runId" in started) {
      router.push(`/runs/${started.runId}`);
      return;
    }
    setError(started.error);
    setPending(false);
  }

  const binary = target?.binary;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {version.datasetName} · version {version.version}
      </h2>
      <dl className="facts">
        <dt>File</dt>
        <dd>
          <code>{version.artifactKey}</code> ({formatBytes(version.bytes)}
          {version.rows != null ? `, ${formatCount(version.rows)} rows` : ""})
        </dd>
        <dt>Encoding</dt>
        <dd>{version.encoding}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge badge-${version.status === "loaded" ? "succeeded" : version.status === "failed" ? "failed" : "pending"}`}>{version.status}</span>
        </dd>
        <dt>SHA-256</dt>
        <dd title={version.sha256}>
          <code>{version.sha256.slice(0, 16)}</code>
        </dd>
      </dl>

      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-id`}>Id column</label>
          <select id={`${id}-id`} value={idColumn} onChange={(e) => setIdColumn(e.target.value)} disabled={!editable || pending}>
            <option value="">Choose…</option>
            {version.columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>Target column</label>
          <select id={`${id}-target`} value={targetColumn} onChange={(e) => chooseTarget(e.target.value)} disabled={!editable || pending} aria-describedby={`${id}-target-help`}>
            <option value="">Choose…</option>
            {version.columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
                {c.binary ? "" : " (not binary)"}
              </option>
            ))}
          </select>
          <small id={`${id}-target-help`} className="help">
            The churn label: exactly two values (0/1, Yes/No, churned/retained).
          </small>
        </div>
        {binary && (
          <div className="field">
            <label htmlFor={`${id}-positive`}>Churn value (counts as 1)</label>
            <select id={`${id}-positive`} value={positive} onChange={(e) => setPositive(e.target.value)} disabled={!editable || pending}>
              <option value={binary.positive}>{binary.positive}</option>
              <option value={binary.negative}>{binary.negative}</option>
            </select>
            {binary.guessed && <small className="help">Guessed from the values: check it.</small>}
          </div>
        )}
      </div>

      <table>
        <caption>Inferred column types</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Inferred type</th>
            <th scope="col">Use</th>
            <th scope="col">Examples</th>
            <th scope="col">Nulls</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {version.columns.map((c) => {
            const role = c.name === idColumn ? "id" : c.name === targetColumn ? "target" : null;
            const allowed = allowedTypes(c);
            return (
              <tr key={c.name}>
                <th scope="row">
                  {c.name}
                  {c.column !== c.name.toLowerCase() && (
                    <>
                      {" "}
                      <small className="muted">
                        (<code>{c.column}</code>)
                      </small>
                    </>
                  )}
                </th>
                <td>
                  <select aria-label={`Type of ${c.name}`} value={types[c.name]} disabled={!editable || pending || role !== null} onChange={(e) => setTypes({ ...types, [c.name]: e.target.value as TabularColumnType })}>
                    {TYPES.filter((t) => allowed.has(t.value)).map((t) => (
                      <option key={t.value} value={t.value}>
                        {t.label}
                        {t.value === c.inferredType ? " (inferred)" : ""}
                      </option>
                    ))}
                  </select>
                  {c.type === "date" && c.dateFormat && <small className="muted"> {c.dateFormat}</small>}
                </td>
                <td>
                  {role ? (
                    <strong>{role}</strong>
                  ) : (
                    <select aria-label={`Use of ${c.name}`} value={ignored[c.name] ? "ignore" : "feature"} disabled={!editable || pending} onChange={(e) => setIgnored({ ...ignored, [c.name]: e.target.value === "ignore" })}>
                      <option value="feature">feature</option>
                      <option value="ignore">ignore</option>
                    </select>
                  )}
                </td>
                <td>
                  {c.examples.map((x, i) => (
                    <code key={i}>
                      {i > 0 ? ", " : ""}
                      {x}
                    </code>
                  ))}
                  {c.min !== undefined && c.max !== undefined && (
                    <small className="muted">
                      {" "}
                      (min {c.min}, max {c.max})
                    </small>
                  )}
                </td>
                <td className="num">{percent(c.nullShare)}</td>
                <td>{c.description ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {editable ? (
        <button type="button" onClick={confirm} disabled={pending} aria-busy={pending}>
          Confirm and load
        </button>
      ) : (
        <p className="muted">This version is {version.status}; upload the file again to change its types.</p>
      )}
      <FormAlert message={error} />
    </section>
  );
}
