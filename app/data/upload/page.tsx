import type { Metadata } from "next";
import Link from "next/link";
import { getDatasetVersion } from "../../../lib/sources/tabular/dataset-queries.ts";
import { maxUploadMb } from "../../../lib/sources/tabular/upload-limits.ts";
import { Alert } from "../../../lib/ui/components/alert.tsx";
import { PageHeader } from "../../../lib/ui/components/page-header.tsx";
import { UploadDatasetForm } from "../../../lib/ui/upload-dataset-form.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload a dataset" };

/** /data/upload[?version=<id>]: upload a churn CSV, review the inferred types, confirm and load (resumes a draft). */
export default async function UploadDatasetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { version: versionParam } = await searchParams;
  const versionId = typeof versionParam === "string" ? versionParam : undefined;
  const version = versionId ? await getDatasetVersion(versionId) : null;
  return (
    <>
      <PageHeader
        title="Upload a churn dataset"
        description={
          <>
            Any CSV with one row per customer, an id column and a binary churn column. Column types are inferred from the first 5,000 rows; you confirm
            them, then the file is loaded, validated and typed into its own staging table. Loaded tables are listed on <Link href="/data">Data</Link>;
            uploaded datasets are also listed by <Link href="/api/datasets">the datasets API</Link>.
          </>
        }
      />
      {versionId && !version && (
        <Alert role="alert" variant="destructive" className="mb-4">
          Dataset version {versionId} does not exist. Upload the file again.
        </Alert>
      )}
      <UploadDatasetForm maxUploadMb={maxUploadMb()} initialVersion={version} />
    </>
  );
}
