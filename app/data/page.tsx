import { DownloadIcon, UploadIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ingestedSources, listIngestedFiles, rawTableCounts } from "../../lib/sources/raw-data-queries.ts";
import { Button } from "../../lib/ui/components/button.tsx";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../lib/ui/components/card.tsx";
import { PageHeader } from "../../lib/ui/components/page-header.tsx";
import { Stat } from "../../lib/ui/components/stat.tsx";
import { formatCount } from "../../lib/ui/format.ts";
import { IngestedFilesTable } from "../../lib/ui/ingested-files-table.tsx";
import { Pagination } from "../../lib/ui/pagination.tsx";
import { RawTablesTable } from "../../lib/ui/raw-tables-table.tsx";
import { SelectFilter } from "../../lib/ui/select-filter.tsx";

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
  const loadedTables = counts.filter((c) => c.rows > 0).length;
  const totalRows = counts.reduce((sum, c) => sum + c.rows, 0);
  return (
    <>
      <PageHeader
        title="Data"
        description="The raw tables your pipelines and uploads load, and every file that went into them."
        actions={
          <Button asChild variant="outline">
            <Link href="/data/upload">
              <UploadIcon aria-hidden />
              Upload a dataset
            </Link>
          </Button>
        }
      />
      <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <Card aria-labelledby="raw-tables-title" id="raw-tables">
          <CardHeader>
            <div>
              <CardTitle id="raw-tables-title">Raw tables</CardTitle>
              <CardDescription>Exact row counts, as loaded (before validation).</CardDescription>
            </div>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div className="grid grid-cols-2 gap-4">
              <Stat label="Tables with rows" value={`${loadedTables} of ${counts.length}`} />
              <Stat label="Rows in all tables" value={formatCount(totalRows)} />
            </div>
            <RawTablesTable counts={counts} />
          </CardContent>
        </Card>
        <Card aria-labelledby="files-title">
          <CardHeader>
            <div>
              <CardTitle id="files-title">Ingested files</CardTitle>
              <CardDescription>Newest first. Each file links to the run that loaded it; the original can be downloaded when it is stored.</CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <IngestedFilesTable
              files={files.files}
              filters={
                <form method="get" action="/data" className="flex flex-wrap items-end gap-3" aria-label="Filter ingested files">
                  <SelectFilter label="Source" name="source" allLabel="All sources" options={sources} value={source} />
                  <Button type="submit" variant="secondary">
                    Filter
                  </Button>
                </form>
              }
              actions={
                <Button asChild variant="outline" size="sm">
                  <a href={`/api/ingested-files.csv?${filter}`} download>
                    <DownloadIcon aria-hidden />
                    Download CSV
                  </a>
                </Button>
              }
              emptyMessage={
                <>
                  No files have been loaded yet. Run “E-learning sample data” on the <Link href="/pipelines">Pipelines</Link> page, or{" "}
                  <Link href="/data/upload">upload a dataset</Link>.
                </>
              }
              footer={<Pagination label="Ingested files pages" page={files.page} pageSize={PAGE_SIZE} total={files.total} hrefOf={(p) => `/data?${filter}page=${p}`} unit={["file", "files"]} />}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
