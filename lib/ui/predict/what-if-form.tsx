"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { FeatureSchema } from "../../ml/preprocess/preprocessor-json.ts";
import { readApiError, unreachableMessage } from "../api-error.ts";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/card.tsx";
import { Field } from "../components/field.tsx";
import { Input } from "../components/input.tsx";
import { Select } from "../components/select.tsx";
import { type FieldSpec, fieldSpecs, isoDay, medianValues, valuesToRow } from "./feature-fields.ts";
import { PredictionResult, type ResultView } from "./prediction-result.tsx";

interface WhatIfFormProps {
  model: string;
  version: number;
  features: FeatureSchema[];
  initialValues: Record<string, string>;
  initialResult: ResultView | null;
  thresholds: { medium: number; high: number };
  /** days since 1970-01-01, from the server (so server and browser render the same dates) */
  today: number;
  /** what the starting values are ("training medians", "customer 1042 on 2026-01-02") */
  startedFrom: string;
}

/** Wait this long after the last change before asking the server: typing 120 sends one request, not three. */
const DEBOUNCE_MS = 250;

/**
 * The what-if form: one field per model feature, and the prediction for the current values, refreshed (debounced)
 * from POST /api/predict as values change. Stale answers are dropped (each request aborts the one before it).
 */
export function WhatIfForm({ model, version, features, initialValues, initialResult, thresholds, today, startedFrom }: WhatIfFormProps) {
  const specs = useMemo(() => fieldSpecs(features, today), [features, today]);
  const [values, setValues] = useState(initialValues);
  const [result, setResult] = useState<ResultView | null>(initialResult);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const first = useRef(true);
  const { row, errors } = useMemo(() => valuesToRow(specs, values), [specs, values]);

  useEffect(() => {
    if (first.current) {
      first.current = false; // the server already scored the starting values
      if (initialResult) return;
    }
    if (Object.keys(errors).length > 0) return;
    const controller = new AbortController();
    setPending(true);
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/predict", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ model, version, row, asOf: isoDay(today) }),
          signal: controller.signal,
        });
        if (!res.ok) {
          setError(await readApiError(res));
        } else {
          const body = (await res.json()) as { predictions: ResultView[] };
          setResult(body.predictions[0]!);
          setError(null);
        }
      } catch (e) {
        if ((e as Error).name !== "AbortError") setError(unreachableMessage(e));
      } finally {
        if (!controller.signal.aborted) setPending(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [model, version, row, errors, today, initialResult]);

  const set = (name: string) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));

  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:items-start">
      <Card aria-labelledby="what-if-result-title" className="lg:sticky lg:top-4 lg:order-2">
        <CardHeader>
          <div className="min-w-0">
            <CardTitle id="what-if-result-title">Prediction</CardTitle>
            <CardDescription>
              {model} v{version}, for the values on this page{pending ? " (updating…)" : ""}.
            </CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          {error && (
            <Alert variant="destructive" role="alert" className="mb-3">
              {error}
            </Alert>
          )}
          {result ? (
            <PredictionResult result={result} values={values} source={`${model} v${version}`} thresholds={thresholds} stale={pending} />
          ) : (
            <p className="m-0 text-sm text-muted-foreground">Enter values to see the prediction.</p>
          )}
        </CardContent>
      </Card>
      <Card aria-labelledby="what-if-fields-title" className="lg:order-1">
        <CardHeader>
          <div className="min-w-0">
            <CardTitle id="what-if-fields-title">Customer</CardTitle>
            <CardDescription>Started from {startedFrom}. Change any value; the prediction follows.</CardDescription>
          </div>
          <Button type="button" variant="outline" size="sm" onClick={() => setValues(medianValues(features, today))}>
            Reset to medians
          </Button>
        </CardHeader>
        <CardContent>
          <form aria-label="Customer features" className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => e.preventDefault()}>
            {specs.map((s) => (
              <Field key={s.name} id={`feature-${s.name}`} label={s.label} hint={s.hint} error={errors[s.name]}>
                {control(s, values[s.name] ?? "", set(s.name))}
              </Field>
            ))}
          </form>
        </CardContent>
      </Card>
    </div>
  );
}

function control(s: FieldSpec, value: string, onChange: (e: { target: { value: string } }) => void) {
  switch (s.kind) {
    case "numeric":
      return <Input type="number" inputMode="decimal" name={s.name} value={value} min={s.min} max={s.max} step={s.step} onChange={onChange} />;
    case "date":
      return <Input type="date" name={s.name} value={value} min={s.min} max={s.max} onChange={onChange} />;
    case "boolean":
      return (
        <Select name={s.name} value={value} onChange={onChange}>
          <option value="true">Yes</option>
          <option value="false">No</option>
          <option value="">Unknown</option>
        </Select>
      );
    case "categorical":
      return (
        <Select name={s.name} value={value} onChange={onChange}>
          {s.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          <option value="">Unknown</option>
        </Select>
      );
  }
}
