import type { Metadata } from "next";
import { z } from "zod";
import { ingestedSources, listIngestedFiles, rawTableCounts } from "../../lib/sources/raw-data-queries.ts";
import { SelectFilter } from "../../lib/ui/select-filter.tsx";
import { IngestedFilesTable } from "../../lib/ui/ingested-files-table.tsx";
import { Pagination } from "../../lib/ui/pagination.tsx";
import { RawTablesTable } from "../../lib/ui/raw-tables-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data" };

const PAGE_SIZE = 25;
const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  source: z.string().max(100).optional().catch(undefined),
});

export default async function DataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { page, source: rawSource } = querySchema.parse(await searchParams);
  const source = rawSource || undefined;
  const [counts, files, sources] = await Promise.all([rawTableCounts(), listIngestedFiles({ source, page, pageSize: PAGE_SIZE }), ingestedSources()]);
  const filter = source ? `source=${encodeURIComponent(source)}&` : "";
  return (
    <>
      <h1>Data</h1>
      <RawTablesTable counts={counts} />
      <form method="get" action="/data" className="filters" aria-label="Filter ingested files">
        <SelectFilter label="Source" name="source" allLabel="All sources" options={sources} value={source} />
        <button type="submit">Filter</button>
        <a href={`/api/ingested-files.csv?${filter}`} download>
          Download CSV
        </a>
      </form>
      <IngestedFilesTable files={files.files} />
      <Pagination label="Ingested files pages" page={files.page} pageSize={PAGE_SIZE} total={files.total} hrefOf={(p) => `/data?${filter}page=${p}`} />
    </>
  );
}
