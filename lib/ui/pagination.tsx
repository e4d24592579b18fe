import Link from "next/link";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Builds the link of another page (keeps the current filters). */
  hrefOf: (page: number) => string;
  label: string;
}

/** Previous/Next links with "Page x of y · n total"; a missing direction is plain text, not a dead link. */
export function Pagination({ page, pageSize, total, hrefOf, label }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link href={hrefOf(page - 1)}>Previous</Link> : <span className="muted">Previous</span>}
      <span>
        Page {Math.min(page, pages)} of {pages} · {total} total
      </span>
      {page < pages ? <Link href={hrefOf(page + 1)}>Next</Link> : <span className="muted">Next</span>}
    </nav>
  );
}
