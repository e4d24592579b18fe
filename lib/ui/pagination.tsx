import { DataTablePagination } from "./components/data-table-pagination.tsx";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Builds the link of another page (keeps the current filters). */
  hrefOf: (page: number) => string;
  label: string;
  unit?: readonly [singular: string, plural: string];
}

/** Server pagination links of a list page (the design-system control; kept for the pages that import it). */
export function Pagination({ page, pageSize, total, hrefOf, label, unit }: PaginationProps) {
  return <DataTablePagination page={page} pageSize={pageSize} total={total} hrefOf={hrefOf} label={label} unit={unit} />;
}
