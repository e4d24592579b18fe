"use client";
import { FormAlert } from "./form-alert.tsx";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { ParamField } from "./param-fields.ts";
import { requestRun } from "./api-error.ts";

interface RunPipelineFormProps {
  pipelineId: string;
  title: string;
  fields: ParamField[];
}

/** Form values -> params: empty fields are left out (the pipeline's defaults apply), numbers sent as numbers. */
function paramsFrom(form: HTMLFormElement, fields: ParamField[]): Record<string, unknown> {
  const data = new FormData(form);
  const params: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = String(data.get(f.name) ?? "").trim();
    if (raw === "") continue;
    const n = Number(raw);
    params[f.name] = f.type === "number" && Number.isFinite(n) ? n : raw;
  }
  return params;
}

/** Starts a run of one pipeline and opens its page; parameters are tucked under a collapsed "Parameters". */
export function RunPipelineForm({ pipelineId, title, fields }: RunPipelineFormProps) {
  const router = useRouter();
  const idPrefix = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const started = await requestRun(`/api/pipelines/${encodeURIComponent(pipelineId)}/runs`, { params: paramsFrom(event.currentTarget, fields) });
    if ("runId" in started) {
      router.push(`/runs/${started.runId}`);
      return;
    }
    setError(started.error);
    setPending(false);
  }

  return (
    <form className="run-form" onSubmit={onSubmit} noValidate>
      {fields.length > 0 && (
        <details>
          <summary>Parameters</summary>
          <div className="fields">
            {fields.map((f) => {
              const id = `${idPrefix}-${f.name}`;
              return (
                <div className="field" key={f.name}>
                  <label htmlFor={id}>
                    {f.name}
                    {f.required ? " (required)" : ""}
                  </label>
                  <input
                    id={id}
                    name={f.name}
                    type={f.type === "number" ? "number" : "text"}
                    step={f.type === "number" ? (f.integer ? 1 : "any") : undefined}
                    defaultValue={f.default === undefined ? "" : String(f.default)}
                    aria-describedby={f.description ? `${id}-help` : undefined}
                  />
                  {f.description && (
                    <small id={`${id}-help`} className="help">
                      {f.description}
                    </small>
                  )}
                </div>
              );
            })}
          </div>
        </details>
      )}
      <button type="submit" disabled={pending} aria-busy={pending}>
        Run {title}
      </button>
      <FormAlert message={error} />
    </form>
  );
}
