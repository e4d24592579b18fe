"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "./components/button.tsx";
import { ConfirmDialog } from "./components/confirm-dialog.tsx";
import { Disclosure } from "./components/disclosure.tsx";
import { unreachableMessage } from "./api-error.ts";
import { Alert } from "./components/alert.tsx";
import type { ParamChoice, ParamField } from "./param-fields.ts";
import { ParamInput } from "./param-input.tsx";
import { paramProblem } from "./param-problem.ts";
import { shortId } from "./format.ts";

interface RunPipelineFormProps {
  pipelineId: string;
  title: string;
  fields: ParamField[];
  /** Picker options per field name (stored uploads, dataset versions). */
  choices?: Record<string, ParamChoice[]>;
  /** Stay on this page (toast + refresh) instead of opening the run page. */
  stay?: boolean;
  /** The button text (default "Run <title>"). */
  label?: string;
  /** Fixed params sent with the form's own (a quick-start button with a preset). */
  params?: Record<string, string | number>;
}

type Blocking = { id: string; status: string; pipelineId: string };

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

/**
 * Starts a run of one pipeline. Each field is checked in the browser in plain words (bounds from the zod schema), the
 * server checks again and its per-field answers land at the same fields; a run that would wait behind another run
 * with the same key asks first, naming that run.
 */
export function RunPipelineForm({ pipelineId, title, fields, choices = {}, stay = false, label, params: preset = {} }: RunPipelineFormProps) {
  const router = useRouter();
  const idPrefix = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [blocking, setBlocking] = useState<{ run: Blocking; params: Record<string, unknown> } | null>(null);
  const [open, setOpen] = useState(fields.some((f) => f.required));

  async function start(params: Record<string, unknown>, ifIdle: boolean) {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/pipelines/${encodeURIComponent(pipelineId)}/runs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ params, ifIdle }),
      });
      const body = (await res.json().catch(() => ({}))) as { runId?: string; message?: string; fields?: Record<string, string>; blockingRun?: Blocking };
      if (res.status === 202 && body.runId) {
        if (stay) {
          toast.success(`${title} started`, { description: `Run ${shortId(body.runId)} is queued.`, action: { label: "Open", onClick: () => router.push(`/runs/${body.runId}`) } });
          router.refresh();
          setPending(false);
        } else {
          router.push(`/runs/${body.runId}`);
        }
        return;
      }
      if (res.status === 409 && body.blockingRun) {
        setBlocking({ run: body.blockingRun, params });
      } else if (res.status === 400 && body.fields) {
        setFieldErrors(body.fields);
        setOpen(true);
        setError("Some parameters need a change; see the fields above.");
      } else if (res.status === 401) {
        setError("You are not signed in: starting a run needs the admin token. Sign in at /login, then try again.");
      } else {
        setError(body.message ?? `The server answered ${res.status}.`);
      }
    } catch (e) {
      setError(unreachableMessage(e));
    }
    setPending(false);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const problems = Object.fromEntries(
      fields.map((f) => [f.name, paramProblem(f, String(data.get(f.name) ?? ""))] as const).filter((e): e is [string, string] => e[1] !== null),
    );
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      setOpen(true);
      setError("Some parameters need a change; see the fields above.");
      return;
    }
    void start({ ...preset, ...paramsFrom(form, fields) }, true);
  }

  const inputs = (
    <div className="grid gap-3 sm:grid-cols-2">
      {fields.map((f) => (
        <ParamInput key={f.name} id={`${idPrefix}-${f.name}`} field={f} choices={choices[f.name]} error={fieldErrors[f.name] ?? null} />
      ))}
    </div>
  );

  return (
    <form className="flex flex-col gap-3" onSubmit={onSubmit} noValidate aria-label={`Run ${title}`}>
      {fields.length > 0 && (
        <Disclosure summary="Parameters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          {inputs}
        </Disclosure>
      )}
      <div>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          {label ?? `Run ${title}`}
        </Button>
      </div>
      {error && (
        <Alert variant="destructive" role="alert">
          {error}
        </Alert>
      )}
      <ConfirmDialog
        open={blocking !== null}
        onOpenChange={(o) => !o && setBlocking(null)}
        title="Queue behind the current run?"
        description={
          blocking
            ? `Run ${shortId(blocking.run.id)} of ${blocking.run.pipelineId} is ${blocking.run.status}. A new run of ${title} uses the same data, so it will wait until that run has finished.`
            : ""
        }
        confirmLabel="Queue the run"
        cancelLabel="Don't queue"
        onConfirm={() => {
          const params = blocking?.params ?? {};
          setBlocking(null);
          void start(params, false);
        }}
      />
    </form>
  );
}
