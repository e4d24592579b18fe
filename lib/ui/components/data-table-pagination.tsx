import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "./button.tsx";
import { formatCount } from "../format.ts";
import { pageCount } from "./data-table-helpers.ts";

interface DataTablePaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Names the nav landmark ("Validation runs pages"). */
  label: string;
  /** Link of another page (server pagination; keeps the filters). Rendered where it is called, so a server page can pass it. */
  hrefOf?: (page: number) => string;
  /** Or a callback, for client-side state. */
  onPageChange?: (page: number) => void;
  /** What is counted: ["row", "rows"] reads "Page 1 of 3, 120 rows". */
  unit?: readonly [singular: string, plural: string];
  /** data-testid of the "Page x of y" text. */
  testId?: string;
}

/** Previous / "Page x of y · n total" / Next. A missing direction is a disabled control, never a dead link. */
export function DataTablePagination({ page, pageSize, total, label, hrefOf, onPageChange, unit = ["item", "items"], testId }: DataTablePaginationProps) {
  const pages = pageCount(total, pageSize);
  const current = Math.min(Math.max(1, page), pages);
  const control = (target: number, enabled: boolean, text: string, icon: "prev" | "next") => {
    const content = icon === "prev" ? (<><ChevronLeftIcon aria-hidden />{text}</>) : (<>{text}<ChevronRightIcon aria-hidden /></>);
    if (!enabled) {
      return (
        <Button variant="outline" size="sm" disabled>
          {content}
        </Button>
      );
    }
    if (hrefOf) {
      return (
        <Button variant="outline" size="sm" asChild>
          <Link href={hrefOf(target)} rel={icon}>
            {content}
          </Link>
        </Button>
      );
    }
    return (
      <Button variant="outline" size="sm" onClick={() => onPageChange?.(target)}>
        {content}
      </Button>
    );
  };
  return (
    <nav aria-label={label} data-slot="pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <span className="text-muted-foreground" data-testid={testId}>
        Page {current} of {pages}, {formatCount(total)} {total === 1 ? unit[0] : unit[1]}
      </span>
      <span className="flex gap-2">
        {control(current - 1, current > 1, "Previous", "prev")}
        {control(current + 1, current < pages, "Next", "next")}
      </span>
    </nav>
  );
}
