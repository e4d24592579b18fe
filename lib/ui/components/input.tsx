import type { ComponentProps } from "react";
import { cn } from "./cn.ts";

/** Shared look of text inputs and selects; aria-invalid turns the border red. */
export const inputClass =
  "h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-sm text-foreground shadow-xs outline-none transition-colors placeholder:text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:ring-offset-background disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-destructive file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground";

export function Input({ className, type, ...props }: ComponentProps<"input">) {
  return <input data-slot="input" type={type} className={cn(inputClass, type === "file" && "h-auto py-1.5", className)} {...props} />;
}
