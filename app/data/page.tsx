import type { Metadata } from "next";
import { z } from "zod";
import { listIngestedFiles, rawTableCounts } from "../../lib/sources/raw-data-queries.ts";
import { IngestedFilesTable } from "../../lib/ui/ingested-files-table.tsx";
import { Pagination } from "../../lib/ui/pagination.tsx";
import { RawTablesTable } from "../../lib/ui/raw-tables-table.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Data" };

const PAGE_SIZE = 25;
const querySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export default async function DataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { page } = querySchema.parse(await searchParams);
  const [counts, files] = await Promise.all([rawTableCounts(), listIngestedFiles({ page, pageSize: PAGE_SIZE })]);
  return (
    <>
      <h1>Data</h1>
      <RawTablesTable counts={counts} />
      <IngestedFilesTable files={files.files} />
      <Pagination label="Ingested files pages" page={files.page} pageSize={PAGE_SIZE} total={files.total} hrefOf={(p) => `/data?page=${p}`} />
    </>
  );
}
