import type { ReactNode } from "react";
import { cn } from "./cn.ts";

interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** A short line under the value: a comparison, a unit, an age. */
  hint?: ReactNode;
  /** Colours the value for a state that needs attention. */
  tone?: "default" | "success" | "warning" | "destructive";
  className?: string;
}

const toneClass = { default: "", success: "text-success", warning: "text-warning", destructive: "text-destructive" } as const;

/** A labelled headline number. A <dl>-free div pair keeps it usable inside cards and grids alike. */
export function Stat({ label, value, hint, tone = "default", className }: StatProps) {
  return (
    <div data-slot="stat" className={cn("flex min-w-0 flex-col gap-1", className)}>
      <div className="text-sm text-muted-foreground">{label}</div>
      <div className={cn("text-2xl font-semibold tabular-nums leading-tight break-words", toneClass[tone])}>{value}</div>
      {hint != null && <div className="text-xs text-muted-foreground">{hint}</div>}
    </div>
  );
}
