import { ChevronRightIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn.ts";

/**
 * A native <details>: works without JavaScript, is keyboard- and screen-reader-ready, and its closed content is
 * still in the page for find-in-page. Used for "raw", "technical details" and "show data".
 */
export function Disclosure({ summary, children, className, ...props }: Omit<ComponentProps<"details">, "children"> & { summary: ReactNode; children: ReactNode }) {
  return (
    <details data-slot="disclosure" className={cn("group min-w-0", className)} {...props}>
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-sm text-sm font-medium text-link select-none hover:underline [&::-webkit-details-marker]:hidden">
        <ChevronRightIcon aria-hidden className="size-4 transition-transform group-open:rotate-90" />
        {summary}
      </summary>
      <div className="mt-2 min-w-0">{children}</div>
    </details>
  );
}
