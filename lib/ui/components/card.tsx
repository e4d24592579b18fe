import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/** A bordered panel. `min-w-0` lets it shrink inside grids/flex so wide content scrolls inside, not the page. */
export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section data-slot="card" className={cn("min-w-0 rounded-lg border border-border bg-card text-card-foreground shadow-xs", className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="card-header" className={cn("flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-5 pt-4 pb-2", className)} {...props} />;
}

export function CardTitle({ className, as: Tag = "h2", ...props }: ComponentProps<"h2"> & { as?: "h2" | "h3" }) {
  return <Tag data-slot="card-title" className={cn("m-0 text-base font-semibold leading-tight", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p data-slot="card-description" className={cn("m-0 mt-1 text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="card-content" className={cn("min-w-0 px-5 pb-4", className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="card-footer" className={cn("flex flex-wrap items-center gap-3 border-t border-border px-5 py-3", className)} {...props} />;
}
