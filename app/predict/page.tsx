import type { Metadata } from "next";
import Link from "next/link";
import { whatIfPageData } from "../../lib/scoring/what-if-page-data.ts";
import { Alert } from "../../lib/ui/components/alert.tsx";
import { Button, buttonVariants } from "../../lib/ui/components/button.tsx";
import { Field } from "../../lib/ui/components/field.tsx";
import { Input } from "../../lib/ui/components/input.tsx";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { Select } from "../../lib/ui/components/select.tsx";
import { riskBandBounds } from "../../lib/scoring/risk-band.ts";
import { getEnv } from "../../lib/env.ts";
import { HeuristicWhatIf } from "../../lib/ui/predict/heuristic-what-if.tsx";
import { WhatIfForm } from "../../lib/ui/predict/what-if-form.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Predict" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PredictPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // ?rule=1 shows the labelled rule of thumb even when a model can score (to compare, or to explain the fallback).
  const rule = one(sp.rule) === "1";
  const data = rule ? null : await whatIfPageData({ model: one(sp.model), customer: one(sp.customer) });
  const description = "What would the model say about a customer like this? Change the values and watch the churn probability and the reasons behind it.";
  if (data === null || data.kind === "none") {
    return (
      <>
        <PageHeader
          title="Predict"
          description={description}
          actions={<Link href="/pipelines" className={buttonVariants({ variant: "outline" })}>Train a model</Link>}
        />
        {(data?.problems ?? []).map((p) => (
          <Alert key={p} variant="warning" className="mb-4">
            {p}
          </Alert>
        ))}
        <HeuristicWhatIf thresholds={data?.thresholds ?? riskBandBounds(getEnv().CHURNOPS_HIGH_RISK_THRESHOLD)} chosen={data === null} />
      </>
    );
  }
  const { model } = data;
  return (
    <>
      <PageHeader title="Predict" description={description} />
      <div className="mb-6 flex flex-wrap items-end gap-x-6 gap-y-3">
        <form method="get" action="/predict" aria-label="Choose a model" className="flex flex-wrap items-end gap-3">
          <Field id="predict-model" label="Model" className="w-64 max-w-full">
            <Select name="model" defaultValue={model.name}>
              {data.models.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name} (champion v{m.champion})
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" variant="secondary">
            Use model
          </Button>
        </form>
        <form method="get" action="/predict" aria-label="Look up a customer" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="model" value={model.name} />
          <Field id="predict-customer" label="Customer id" hint="Start from a real customer's latest features." className="w-56 max-w-full">
            <Input name="customer" defaultValue={data.lookup?.id ?? ""} autoComplete="off" />
          </Field>
          <Button type="submit" variant="secondary">
            Look up
          </Button>
        </form>
      </div>
      {data.lookup?.message && (
        <Alert variant="warning" role="alert" className="mb-4">
          {data.lookup.message}
        </Alert>
      )}
      {data.problem || !data.features ? (
        <Alert variant="destructive" role="alert">
          {data.problem ?? "This model has no feature schema."}
        </Alert>
      ) : (
        <WhatIfForm
          key={`${model.name}:${model.version}:${data.lookup?.id ?? ""}`}
          model={model.name}
          version={model.version}
          features={data.features}
          initialValues={data.values}
          initialResult={data.initialResult}
          thresholds={data.thresholds}
          today={data.today}
          startedFrom={data.startedFrom}
        />
      )}
    </>
  );
}
