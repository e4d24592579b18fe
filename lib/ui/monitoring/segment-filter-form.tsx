import Link from "next/link";
import { Button } from "../components/button.tsx";
import { SelectFilter } from "../select-filter.tsx";

interface SegmentFilterFormProps {
  dataset: string;
  /** the drift column whose histogram is shown: kept, so filtering segments does not change the drift section */
  column?: string;
  segmentColumns: readonly string[];
  segment?: string;
  /** the link that clears the filter (same dataset and histogram) */
  clearHref?: string;
}

/** A plain GET form back to the segment section: the filter is a query parameter, so the view and its CSV can be shared. */
export function SegmentFilterForm({ dataset, column, segmentColumns, segment, clearHref }: SegmentFilterFormProps) {
  return (
    <form method="get" action="/monitoring#segment-performance" className="flex flex-wrap items-end gap-3" aria-label="Filter segments">
      <input type="hidden" name="dataset" value={dataset} />
      {column && <input type="hidden" name="column" value={column} />}
      <SelectFilter label="Segment column" name="segment" allLabel="All columns" options={segmentColumns} value={segment} />
      <Button type="submit" variant="secondary">
        Show
      </Button>
      {clearHref && (
        <Button asChild variant="ghost">
          <Link href={clearHref}>Clear</Link>
        </Button>
      )}
    </form>
  );
}
