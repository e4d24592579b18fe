"use client";

import { useMemo, useState } from "react";
import { HEURISTIC_RULE, heuristicChurn } from "../../scoring/heuristic-churn.ts";
import { Alert } from "../components/alert.tsx";
import { Badge } from "../components/badge.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/card.tsx";
import { Field } from "../components/field.tsx";
import { Input } from "../components/input.tsx";
import { riskBand } from "../../scoring/risk-band.ts";
import { PredictionResult } from "./prediction-result.tsx";

const FIELDS = [
  { name: "days_since_last_activity", label: "Days since last activity", max: HEURISTIC_RULE.recency.max, start: "7" },
  { name: "active_days_30", label: "Active days in the last 30", max: HEURISTIC_RULE.activity.max, start: "10" },
] as const;

/**
 * Before any model exists: the documented recency/activity rule (lib/scoring/heuristic-churn.ts), computed in the
 * browser and labelled as a heuristic everywhere it shows a number.
 */
export function HeuristicWhatIf({ thresholds, chosen = false }: { thresholds: { medium: number; high: number }; chosen?: boolean }) {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(FIELDS.map((f) => [f.name, f.start])));
  const result = useMemo(() => {
    const score = heuristicChurn({ daysSinceLastActivity: Number(values.days_since_last_activity) || 0, activeDays30: Number(values.active_days_30) || 0 });
    return { ...score, riskBand: riskBand(score.probability, thresholds.high) };
  }, [values, thresholds.high]);
  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:items-start">
      <Card aria-labelledby="heuristic-result-title" className="lg:order-2">
        <CardHeader>
          <div className="min-w-0">
            <CardTitle id="heuristic-result-title">Heuristic estimate</CardTitle>
            <CardDescription>Not a trained model: a fixed rule on recency and activity.</CardDescription>
          </div>
          <Badge variant="warning">Heuristic fallback</Badge>
        </CardHeader>
        <CardContent>
          <PredictionResult result={result} values={values} source="the heuristic rule" thresholds={thresholds} />
        </CardContent>
      </Card>
      <Card aria-labelledby="heuristic-fields-title" className="lg:order-1">
        <CardHeader>
          <CardTitle id="heuristic-fields-title">Customer</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <Alert variant="warning">
            <p className="m-0">
              {chosen ? "You asked for the rule of thumb, so this page uses a simple rule instead of a model" : "No model has been trained yet, so this page uses a simple rule instead"}: log-odds = {HEURISTIC_RULE.intercept} + {HEURISTIC_RULE.recency.weight} × (days since last activity − {HEURISTIC_RULE.recency.reference}) − {Math.abs(HEURISTIC_RULE.activity.weight)} × (active days in the last 30 − {HEURISTIC_RULE.activity.reference}). Train a model to get predictions learned from your data.
            </p>
          </Alert>
          <form aria-label="Heuristic inputs" className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => e.preventDefault()}>
            {FIELDS.map((f) => (
              <Field key={f.name} id={`heuristic-${f.name}`} label={f.label} hint={`0 to ${f.max}.`}>
                <Input type="number" inputMode="numeric" min={0} max={f.max} step={1} value={values[f.name]} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))} />
              </Field>
            ))}
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
