import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn.ts";

/**
 * Plain table parts with the design-system look, for small server-rendered tables; DataTable builds on them.
 * TableContainer is the horizontal scroll box: wide tables scroll inside it, the page never scrolls sideways.
 * It is focusable and named so keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export function TableContainer({ className, label, ...props }: ComponentProps<"div"> & { label?: string }) {
  return (
    <div
      data-slot="table-container"
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={0}
      className={cn("relative w-full min-w-0 overflow-x-auto rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring", className)}
      {...props}
    />
  );
}

export function Table({ className, ...props }: ComponentProps<"table">) {
  return <table data-slot="table" className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption data-slot="table-caption" className={cn("mt-2 text-left text-sm text-muted-foreground", className)} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr data-slot="table-row" className={cn("border-b border-border transition-colors hover:bg-muted/50", className)} {...props} />;
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      className={cn("h-9 bg-muted px-3 text-left align-middle text-xs font-semibold whitespace-nowrap text-muted-foreground", className)}
      {...props}
    />
  );
}

export function TableCell({ className, numeric, ...props }: ComponentProps<"td"> & { numeric?: boolean }) {
  return <td data-slot="table-cell" className={cn("px-3 py-2 align-top", numeric && "text-right tabular-nums whitespace-nowrap", className)} {...props} />;
}

/** The one row shown when nothing matches, spanning every column. */
export function TableEmpty({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr data-slot="table-empty">
      <td colSpan={columns} className="px-3 py-6 text-center text-sm text-muted-foreground">
        {children}
      </td>
    </tr>
  );
}
