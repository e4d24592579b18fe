import { DataTablePagination } from "./components/data-table-pagination.tsx";

interface RejectsPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  hrefOf: (page: number) => string;
}

/** Previous/Next with "Page x of y, n rows" (data-testid rejects-page-info). */
export function RejectsPagination({ page, pageSize, total, hrefOf }: RejectsPaginationProps) {
  return <DataTablePagination label="Rejected rows pages" page={page} pageSize={pageSize} total={total} hrefOf={hrefOf} unit={["row", "rows"]} testId="rejects-page-info" />;
}
