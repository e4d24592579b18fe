import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/**
 * Preformatted text (raw JSON, stack traces) that scrolls inside its own box, both ways, so long lines never widen
 * the page. It is focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export function CodeBlock({ className, children, label, ...props }: ComponentProps<"pre"> & { label?: string }) {
  return (
    <pre
      data-slot="code-block"
      tabIndex={0}
      aria-label={label}
      className={cn("m-0 max-h-96 max-w-full overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs leading-relaxed whitespace-pre", className)}
      {...props}
    >
      <code>{children}</code>
    </pre>
  );
}

/** Pretty JSON for a CodeBlock. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "undefined";
}
