import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn.ts";

interface EmptyStateProps {
  icon?: LucideIcon;
  title: ReactNode;
  children?: ReactNode;
  /** What to do next: usually a Button (asChild + Link). */
  action?: ReactNode;
  className?: string;
}

/** "Nothing here yet" said once, with what to do about it. */
export function EmptyState({ icon: Icon, title, children, action, className }: EmptyStateProps) {
  return (
    <div data-slot="empty-state" className={cn("flex flex-col items-center gap-2 rounded-lg border border-dashed border-border px-6 py-8 text-center", className)}>
      {Icon && <Icon aria-hidden className="size-8 text-muted-foreground" />}
      <p className="m-0 font-semibold">{title}</p>
      {children && <div className="m-0 max-w-prose text-sm text-muted-foreground">{children}</div>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
