"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import type { DatasetColumn } from "../sources/tabular/dataset-columns.ts";
import type { DatasetVersionView } from "../sources/tabular/dataset-queries.ts";
import type { TabularColumnType } from "../sources/tabular/infer-column-types.ts";
import { requestRun } from "./api-error.ts";
import { Badge } from "./components/badge.tsx";
import { Button } from "./components/button.tsx";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./components/card.tsx";
import { Field } from "./components/field.tsx";
import { Select } from "./components/select.tsx";
import { Table, TableBody, TableCaption, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "./components/table.tsx";
import { FormAlert } from "./form-alert.tsx";
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
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id={`${id}-title`}>
            {version.datasetName} · version {version.version}
          </CardTitle>
          <CardDescription>Check the inferred types, choose the id and churn columns, then load.</CardDescription>
        </div>
        <Badge variant={version.status === "loaded" ? "success" : version.status === "failed" ? "destructive" : "neutral"}>{version.status}</Badge>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <dl className="m-0 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-muted-foreground">File</dt>
          <dd className="m-0 min-w-0">
            <code className="break-all">{version.artifactKey}</code> ({formatBytes(version.bytes)}
            {version.rows != null ? `, ${formatCount(version.rows)} rows` : ""})
          </dd>
          <dt className="text-muted-foreground">Encoding</dt>
          <dd className="m-0">{version.encoding}</dd>
          <dt className="text-muted-foreground">SHA-256</dt>
          <dd className="m-0" title={version.sha256}>
            <code>{version.sha256.slice(0, 16)}</code>
          </dd>
        </dl>

        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field id={`${id}-id`} label="Id column">
            <Select value={idColumn} onChange={(e) => setIdColumn(e.target.value)} disabled={!editable || pending}>
              <option value="">Choose…</option>
              {version.columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-target`} label="Target column" hint="The churn label: exactly two values (0/1, Yes/No, churned/retained).">
            <Select value={targetColumn} onChange={(e) => chooseTarget(e.target.value)} disabled={!editable || pending}>
              <option value="">Choose…</option>
              {version.columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                  {c.binary ? "" : " (not binary)"}
                </option>
              ))}
            </Select>
          </Field>
          {binary && (
            <Field id={`${id}-positive`} label="Churn value (counts as 1)" hint={binary.guessed ? "Guessed from the values: check it." : undefined}>
              <Select value={positive} onChange={(e) => setPositive(e.target.value)} disabled={!editable || pending}>
                <option value={binary.positive}>{binary.positive}</option>
                <option value={binary.negative}>{binary.negative}</option>
              </Select>
            </Field>
          )}
        </div>

        <TableContainer label="Inferred column types" className="max-h-[70vh] overflow-y-auto rounded-md border border-border">
          <Table>
            <TableCaption className="sr-only">Inferred column types</TableCaption>
            <TableHeader className="sticky top-0 z-10">
              <TableRow className="hover:bg-transparent">
                <TableHead scope="col">Column</TableHead>
                <TableHead scope="col">Inferred type</TableHead>
                <TableHead scope="col">Use</TableHead>
                <TableHead scope="col">Examples</TableHead>
                <TableHead scope="col" className="text-right">
                  Nulls
                </TableHead>
                <TableHead scope="col">Description</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {version.columns.map((c) => {
                const role = c.name === idColumn ? "id" : c.name === targetColumn ? "target" : null;
                const allowed = allowedTypes(c);
                return (
                  <TableRow key={c.name}>
                    <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                      <span className="break-all">{c.name}</span>
                      {c.column !== c.name.toLowerCase() && (
                        <>
                          {" "}
                          <small className="font-normal text-muted-foreground">
                            (<code className="break-all">{c.column}</code>)
                          </small>
                        </>
                      )}
                    </th>
                    <TableCell>
                      <Select aria-label={`Type of ${c.name}`} value={types[c.name]} disabled={!editable || pending || role !== null} onChange={(e) => setTypes({ ...types, [c.name]: e.target.value as TabularColumnType })} className="h-8 w-auto min-w-36">
                        {TYPES.filter((t) => allowed.has(t.value)).map((t) => (
                          <option key={t.value} value={t.value}>
                            {t.label}
                            {t.value === c.inferredType ? " (inferred)" : ""}
                          </option>
                        ))}
                      </Select>
                      {c.type === "date" && c.dateFormat && <small className="mt-1 block text-muted-foreground">{c.dateFormat}</small>}
                    </TableCell>
                    <TableCell>
                      {role ? (
                        <Badge variant="info">{role}</Badge>
                      ) : (
                        <Select aria-label={`Use of ${c.name}`} value={ignored[c.name] ? "ignore" : "feature"} disabled={!editable || pending} onChange={(e) => setIgnored({ ...ignored, [c.name]: e.target.value === "ignore" })} className="h-8 w-auto min-w-28">
                          <option value="feature">feature</option>
                          <option value="ignore">ignore</option>
                        </Select>
                      )}
                    </TableCell>
                    <TableCell className="min-w-40">
                      {c.examples.map((x, i) => (
                        <code key={i} className="break-all">
                          {i > 0 ? ", " : ""}
                          {x}
                        </code>
                      ))}
                      {c.min !== undefined && c.max !== undefined && (
                        <small className="block text-muted-foreground">
                          min {c.min}, max {c.max}
                        </small>
                      )}
                    </TableCell>
                    <TableCell numeric>{percent(c.nullShare)}</TableCell>
                    <TableCell className="min-w-48">{c.description ?? ""}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </CardContent>
      <CardFooter>
        {editable ? (
          <Button type="button" onClick={confirm} disabled={pending} aria-busy={pending}>
            Confirm and load
          </Button>
        ) : (
          <p className="m-0 text-sm text-muted-foreground">This version is {version.status}; upload the file again to change its types.</p>
        )}
        <FormAlert message={error} />
      </CardFooter>
    </Card>
  );
}
