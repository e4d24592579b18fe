"use client";

import { UploadIcon } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import type { DatasetVersionView } from "../sources/tabular/dataset-queries.ts";
import { readApiError } from "./api-error.ts";
import { ColumnTypesTable } from "./column-types-table.tsx";
import { Button } from "./components/button.tsx";
import { Card, CardContent, CardFooter } from "./components/card.tsx";
import { Field } from "./components/field.tsx";
import { Input } from "./components/input.tsx";
import { Select } from "./components/select.tsx";
import { FormAlert } from "./form-alert.tsx";
import { formatBytes } from "./format.ts";

interface UploadDatasetFormProps {
  /** CHURNOPS_MAX_UPLOAD_MB, so an over-limit file is refused before a byte is sent. */
  maxUploadMb: number;
  /** A draft to resume (/data/upload?version=<id>). */
  initialVersion?: DatasetVersionView | null;
}

interface Sent {
  status: number;
  text: string;
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, for upload progress events (fetch has none). The
 * server streams the body to the artifact store; metadata travels in the query string.
 */
function sendFile(url: string, method: "POST" | "PUT", file: File, onProgress: (fraction: number) => void): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new Error("the connection failed or was closed by the server"));
    xhr.send(file);
  });
}

async function errorOf(sent: Sent): Promise<string> {
  return readApiError(new Response(sent.text || null, { status: sent.status }));
}

/** Upload a churn CSV (with progress), then review the inferred column types and confirm them. */
export function UploadDatasetForm({ maxUploadMb, initialVersion = null }: UploadDatasetFormProps) {
  const id = useId();
  const [version, setVersion] = useState<DatasetVersionView | null>(initialVersion);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const maxBytes = maxUploadMb * 1024 * 1024;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const descriptions = data.get("descriptions");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) {
      setError("Choose a CSV file to upload.");
      return;
    }
    if (file.size > maxBytes) {
      setError(`The file is larger than the upload limit of ${maxUploadMb} MB (CHURNOPS_MAX_UPLOAD_MB). Nothing was stored. To fix: upload a smaller file, or raise CHURNOPS_MAX_UPLOAD_MB on the server.`);
      return;
    }
    const query = new URLSearchParams({ fileName: file.name, encoding: String(data.get("encoding") ?? "auto") });
    const name = String(data.get("name") ?? "").trim();
    if (name) query.set("name", name);
    try {
      setPhase(`Uploading ${file.name} (${formatBytes(file.size)})`);
      setProgress(0);
      const sent = await sendFile(`/api/datasets/uploads?${query}`, "POST", file, setProgress);
      if (sent.status !== 201) {
        setError(await errorOf(sent));
        return;
      }
      let uploaded = (JSON.parse(sent.text) as { version: DatasetVersionView }).version;
      if (descriptions instanceof File && descriptions.name !== "") {
        setPhase(`Uploading ${descriptions.name}`);
        setProgress(0);
        const put = await sendFile(`/api/datasets/versions/${uploaded.id}/descriptions?${new URLSearchParams({ fileName: descriptions.name })}`, "PUT", descriptions, setProgress);
        if (put.status !== 200) setError(`The data file was uploaded, but the descriptions were not: ${await errorOf(put)}`);
        else uploaded = (JSON.parse(put.text) as { version: DatasetVersionView }).version;
      }
      setVersion(uploaded);
      window.history.replaceState(null, "", `/data/upload?version=${uploaded.id}`);
    } catch (e) {
      setError(`The upload failed (${(e as Error).message}). Check that churnops is running and the file is under ${maxUploadMb} MB, then try again.`);
    } finally {
      setProgress(null);
      setPhase("");
    }
  }

  if (version) {
    return (
      <div className="flex min-w-0 flex-col gap-4">
        <ColumnTypesTable version={version} />
        <p className="m-0">
          <a
            href="/data/upload"
            onClick={(e) => {
              e.preventDefault();
              setVersion(null);
              window.history.replaceState(null, "", "/data/upload");
            }}
          >
            Upload another file
          </a>
        </p>
      </div>
    );
  }

  const busy = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-busy={busy} aria-label="Upload a dataset">
        <CardContent className="grid gap-5 pt-5 sm:grid-cols-2">
          <Field id={`${id}-file`} label="CSV file" hint={`One row per customer, a header line, comma-separated; up to ${maxUploadMb} MB.`}>
            <Input name="file" type="file" accept=".csv,text/csv" required disabled={busy} />
          </Field>
          <Field id={`${id}-name`} label="Dataset name" hint="Defaults to the file name. The same name again adds a new version.">
            <Input name="name" type="text" maxLength={100} disabled={busy} />
          </Field>
          <Field id={`${id}-encoding`} label="Encoding" hint="Auto-detect reads UTF-8, and falls back to Windows-1252 (Excel) when the bytes are not UTF-8.">
            <Select name="encoding" defaultValue="auto" disabled={busy}>
              <option value="auto">Auto-detect</option>
              <option value="utf-8">UTF-8</option>
              <option value="windows-1252">Windows-1252</option>
              <option value="latin1">Latin-1</option>
            </Select>
          </Field>
          <Field id={`${id}-descriptions`} label="Data descriptions (CSV)" hint="Optional: a Field,Description file explaining the columns.">
            <Input name="descriptions" type="file" accept=".csv,text/csv" disabled={busy} />
          </Field>
        </CardContent>
        <CardFooter className="flex-col items-stretch gap-3 sm:flex-row sm:items-center">
          <Button type="submit" disabled={busy} aria-busy={busy}>
            <UploadIcon aria-hidden />
            Upload
          </Button>
          {busy && (
            <div className="flex min-w-0 flex-1 items-center gap-3 text-sm">
              <div
                className="h-2 w-full max-w-sm overflow-hidden rounded-full bg-muted"
                role="progressbar"
                aria-label="Upload progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={`${percent}%: ${phase}`}
              >
                <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
              </div>
              <span className="shrink-0 text-muted-foreground">
                {percent}% · {percent === 100 ? "inferring column types…" : phase}
              </span>
            </div>
          )}
        </CardFooter>
        <div className="px-5 pb-4 empty:hidden">
          <FormAlert message={error} />
        </div>
      </form>
    </Card>
  );
}
