import type { ReactNode } from "react";
import { cn } from "./cn.ts";

/** A page's h1 with its one-line purpose and page-level actions (wrapping under the title on phones). */
export function PageHeader({ title, description, actions, children, className }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <div data-slot="page-header" className={cn("mb-6 flex flex-wrap items-start justify-between gap-x-6 gap-y-3", className)}>
      <div className="min-w-0 flex-1 basis-72">
        <h1 data-slot="page-title" className="m-0 text-2xl font-semibold tracking-tight">
          {title}
        </h1>
        {description && <div className="mt-1 max-w-3xl text-sm text-muted-foreground">{description}</div>}
        {children}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
