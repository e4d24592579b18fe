import Link from "next/link";
import { formatCount } from "./format.ts";

interface RejectsPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  hrefOf: (page: number) => string;
}

/** Previous/Next with "Page x of y, n rows"; a missing direction is plain text, not a dead link. */
export function RejectsPagination({ page, pageSize, total, hrefOf }: RejectsPaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label="Rejected rows pages">
      {page > 1 ? <Link href={hrefOf(Math.min(page - 1, pages))}>Previous</Link> : <span className="muted">Previous</span>}
      <span data-testid="rejects-page-info">
        Page {Math.min(page, pages)} of {pages}, {formatCount(total)} {total === 1 ? "row" : "rows"}
      </span>
      {page < pages ? <Link href={hrefOf(page + 1)}>Next</Link> : <span className="muted">Next</span>}
    </nav>
  );
}
