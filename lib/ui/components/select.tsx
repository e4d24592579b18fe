import type { ComponentProps } from "react";
import { cn } from "./cn.ts";
import { inputClass } from "./input.tsx";

/**
 * A styled native select: it works in GET forms without JavaScript, and phones show their own picker.
 * (Radix Select is for places that need custom option rendering; none do yet.)
 */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select data-slot="select" className={cn(inputClass, "pr-8", className)} {...props} />;
}
