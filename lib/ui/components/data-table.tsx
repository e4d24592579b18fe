"use client";

import {
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn.ts";
import { ColumnVisibilityMenu } from "./column-visibility-menu.tsx";
import { ariaSort, hiddenColumns } from "./data-table-helpers.ts";
import { Table, TableBody, TableCaption, TableCell, TableContainer, TableEmpty, TableHead, TableHeader, TableRow } from "./table.tsx";

/** What a column may say about its rendering (set as `meta` on a column definition). */
export interface DataTableColumnMeta {
  /** Right-aligned tabular numbers. */
  numeric?: boolean;
  /** Name in the column menu when the header is not plain text. */
  label?: string;
  /** Extra classes for this column's cells (e.g. "whitespace-nowrap", "min-w-48"). */
  cellClassName?: string;
  /** Let a long header wrap instead of widening the table. */
  wrapHeader?: boolean;
}

/** The features every DataTable registers: client sorting and column visibility. Module scope: TanStack wants it stable. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, datetime: sortFn_datetime, text: sortFn_text },
  columnMeta: {} as DataTableColumnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;
// `any` value type: a column list mixes string, number and Date columns (TanStack's own examples type it this way).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;
export { createColumnHelper } from "@tanstack/react-table";

export interface DataTableProps<TData extends RowData> {
  /** Defined at module scope of a client file (column cells are functions, which cannot cross the server boundary). */
  columns: readonly DataTableColumn<TData>[];
  data: readonly TData[];
  /** The table's name: its caption, and the accessible name of its scroll region. */
  caption: string;
  /** Show the caption visually (default: screen readers only, the card title usually says it). */
  showCaption?: boolean;
  getRowId?: (row: TData, index: number) => string;
  /** Rows come sorted from the server (a server-paginated list): headers do not re-sort one page of it. */
  manualSorting?: boolean;
  initialSorting?: SortingState;
  /** Column ids hidden at first (the user can show them from the column menu). */
  initialHidden?: readonly string[];
  /** Show the column menu (default: when there are more than 4 columns). */
  columnMenu?: boolean;
  /** Filter controls above the table (a GET form, usually). */
  filters?: ReactNode;
  /** Actions at the top right, e.g. a "Download CSV" link. */
  actions?: ReactNode;
  /** Under the table: pagination (see DataTablePagination), a total. */
  footer?: ReactNode;
  /** Said once, in the table, when there are no rows. */
  emptyMessage?: ReactNode;
  /** Caps the scroll box height so the header sticks while rows scroll (default 70vh). */
  maxHeightClass?: string;
  className?: string;
}

/**
 * A TanStack Table in the design-system look: click-to-sort headers (aria-sort), a sticky header, a column menu,
 * and a scroll box (both axes) so wide tables never make the page scroll sideways.
 */
export function DataTable<TData extends RowData>({
  columns,
  data,
  caption,
  showCaption = false,
  getRowId,
  manualSorting = false,
  initialSorting = [],
  initialHidden = [],
  columnMenu,
  filters,
  actions,
  footer,
  emptyMessage = "Nothing to show.",
  maxHeightClass = "max-h-[70vh]",
  className,
}: DataTableProps<TData>) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    manualSorting,
    initialState: { sorting: initialSorting, columnVisibility: hiddenColumns(initialHidden) },
  });
  const showMenu = columnMenu ?? columns.length > 4;
  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns().length;

  return (
    <div data-slot="data-table" className={cn("flex min-w-0 flex-col gap-3", className)}>
      {(filters || actions || showMenu) && (
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0 flex-1">{filters}</div>
          <div className="flex flex-wrap items-center gap-2">
            {actions}
            {showMenu && <ColumnVisibilityMenu table={table} />}
          </div>
        </div>
      )}
      <TableContainer label={caption} className={cn("overflow-y-auto rounded-md border border-border", maxHeightClass)}>
        <Table>
          <TableCaption className={showCaption ? undefined : "sr-only"}>{caption}</TableCaption>
          <TableHeader className="sticky top-0 z-10">
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sortable = !manualSorting && header.column.getCanSort();
                  const sorted = header.column.getIsSorted();
                  return (
                    <TableHead
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan}
                      aria-sort={sortable ? ariaSort(sorted) : undefined}
                      className={cn(meta?.numeric && "text-right", meta?.wrapHeader && "whitespace-normal")}
                    >
                      {header.isPlaceholder ? null : sortable ? (
                        <button
                          type="button"
                          data-slot="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={cn(
                            "-mx-1 inline-flex cursor-pointer items-center gap-1 rounded-sm px-1 py-0.5 font-semibold outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                            meta?.numeric && "flex-row-reverse",
                            meta?.wrapHeader ? "whitespace-normal text-left" : "whitespace-nowrap",
                          )}
                        >
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? <ArrowUpIcon aria-hidden className="size-3.5" /> : sorted === "desc" ? <ArrowDownIcon aria-hidden className="size-3.5" /> : <ArrowUpDownIcon aria-hidden className="size-3.5 opacity-50" />}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {rows.length === 0 ? (
              <TableEmpty columns={Math.max(1, visibleColumns)}>{emptyMessage}</TableEmpty>
            ) : (
              rows.map((row) => (
                <TableRow key={row.id}>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <TableCell key={cell.id} numeric={meta?.numeric} className={meta?.cellClassName}>
                        <table.FlexRender cell={cell} />
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {footer}
    </div>
  );
}
