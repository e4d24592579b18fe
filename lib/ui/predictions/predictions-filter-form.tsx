import Link from "next/link";
import type { RiskBandName } from "../../predictions/prediction-filters.ts";
import { Button } from "../components/button.tsx";
import { Input } from "../components/input.tsx";
import { Select } from "../components/select.tsx";
import { formatCount } from "../format.ts";

interface PredictionsFilterFormProps {
  dataset: string;
  runId: string;
  band?: string;
  q?: string;
  bandCounts: Record<RiskBandName, number>;
  /** the link that clears the filters (same dataset and run) */
  clearHref?: string;
}

const LABEL = "flex min-w-0 flex-col gap-1.5 text-sm font-medium";

/** A plain GET form: the filters are query parameters, so a filtered view (and its CSV) can be shared. */
export function PredictionsFilterForm({ dataset, runId, band, q, bandCounts, clearHref }: PredictionsFilterFormProps) {
  return (
    <form method="get" action="/predictions" className="flex flex-wrap items-end gap-3" aria-label="Filter customers">
      <input type="hidden" name="dataset" value={dataset} />
      <input type="hidden" name="run" value={runId} />
      <label className={LABEL}>
        Risk band
        <Select name="band" defaultValue={band ?? ""} className="w-auto min-w-40 font-normal">
          <option value="">All bands</option>
          <option value="high">high ({formatCount(bandCounts.high)})</option>
          <option value="medium">medium ({formatCount(bandCounts.medium)})</option>
          <option value="low">low ({formatCount(bandCounts.low)})</option>
        </Select>
      </label>
      <label className={LABEL}>
        Customer id
        <Input type="search" name="q" defaultValue={q ?? ""} placeholder="part of an id" maxLength={100} spellCheck={false} className="w-52 max-w-full font-normal" />
      </label>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {clearHref && (
        <Button asChild variant="ghost">
          <Link href={clearHref}>Clear</Link>
        </Button>
      )}
    </form>
  );
}
